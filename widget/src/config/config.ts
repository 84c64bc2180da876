import { atom } from 'nanostores';

/** Appearance of an element: a fixed palette, or the one the customer's system prefers. */
export type Theme = 'light' | 'dark' | 'auto';

/** Page-wide settings shared by every Abona element; element attributes override them. */
export interface AbonaConfig {
  /** A publishable key (`pk_test_…` / `pk_live_…`). Secret keys are refused. */
  publishableKey?: string;
  /** Origin (and optional path) of the vendor's Abona server, e.g. `https://billing.example.com`. */
  apiBase?: string;
  /** BCP 47 locale for copy, money and dates, e.g. `ro-RO`. Defaults to the page's language. */
  locale?: string;
  theme?: Theme;
  /**
   * CSP nonce for browsers without constructable stylesheets, where Lit falls back to
   * `<style>` elements. Modern browsers use adoptedStyleSheets and need no nonce.
   */
  nonce?: string;
  /** Where the setting came from, so a configuration error can name the right attribute. */
  source?: 'configure' | 'script';
}

/** The page-wide configuration store. Read it through {@link configure} and elements. */
export const $config = atom<AbonaConfig>({});

/**
 * Sets page-wide defaults for every Abona element on the page; later calls merge over earlier
 * ones. Attributes on an element (`publishable-key`, `api-base`, `locale`, `theme`) win.
 *
 * @example configure({ publishableKey: 'pk_test_123', apiBase: 'https://billing.example.com', locale: 'ro' })
 */
export function configure(options: Omit<AbonaConfig, 'source'>): void {
  const next: AbonaConfig = { ...$config.get(), ...stripUndefined(options), source: 'configure' };
  if (options.nonce !== undefined) {
    // Lit reads this global when it has to inject <style> elements instead of adopting sheets.
    (globalThis as { litNonce?: string }).litNonce = options.nonce;
  }
  $config.set(next);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
