import type { AbonaConfig, Theme } from './config.js';

const themes: readonly string[] = ['light', 'dark', 'auto'];

/**
 * Reads `data-publishable-key`, `data-api-base`, `data-locale`, `data-theme` and `data-nonce`
 * from the script tag that loaded Abona. A classic script (the IIFE bundle) knows itself as
 * `document.currentScript`; a module script does not, so the ESM bundle looks for a
 * `<script type="module">` whose `src` ends in `abona.js`. When the tag has no `data-api-base`,
 * the API is assumed to live on the origin that served the script.
 */
export function readScriptConfig(doc: Document = document): AbonaConfig | undefined {
  const script = findAbonaScript(doc);
  if (!script) return undefined;
  const data = script.dataset;
  const config: AbonaConfig = { source: 'script' };
  if (data['publishableKey']) config.publishableKey = data['publishableKey'];
  if (data['apiBase']) config.apiBase = data['apiBase'];
  else if (script.src) config.apiBase = new URL(script.src, doc.baseURI).origin;
  if (data['locale']) config.locale = data['locale'];
  if (data['theme'] && themes.includes(data['theme'])) config.theme = data['theme'] as Theme;
  if (data['nonce']) config.nonce = data['nonce'];
  return config;
}

/**
 * Merges the script tag's settings under anything already given to `configure()`. Runs once
 * when the bundle is evaluated, the only moment `document.currentScript` is set.
 */
export function applyScriptConfig(store: { get(): AbonaConfig; set(value: AbonaConfig): void }): void {
  if (typeof document === 'undefined') return;
  const fromScript = readScriptConfig(document);
  if (!fromScript) return;
  if (fromScript.nonce !== undefined) (globalThis as { litNonce?: string }).litNonce = fromScript.nonce;
  store.set({ ...fromScript, ...store.get() });
}

function findAbonaScript(doc: Document): HTMLScriptElement | undefined {
  const current = doc.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current;
  const scripts = Array.from(doc.querySelectorAll<HTMLScriptElement>('script[src]'));
  return scripts.find((s) => /\/abona(\.iife)?\.js$/.test(new URL(s.src, doc.baseURI).pathname));
}
