/** What a configured API key turned out to be. Only `publishable` may ever leave the page. */
export type KeyKind = 'publishable' | 'secret' | 'missing' | 'malformed';

/**
 * Where an element's key was set, so a configuration error can name the setting to fix: its
 * `publishable-key` attribute, the `data-publishable-key` of the script tag, or `configure()`.
 * A short code rather than the words: those travel with the error messages (api/key-error.ts),
 * which the pricing table loads only when a key is wrong.
 */
export type KeySource = 'attribute' | 'script' | 'configure';

/**
 * Classifies an API key by its prefix without ever echoing it back: `pk_test_…`/`pk_live_…`
 * are publishable, `sk_…` (and restricted `rk_…`) keys are secret and must never be sent from
 * a browser.
 */
export function keyKind(key: string | undefined | null): KeyKind {
  if (key === undefined || key === null || key.trim() === '') return 'missing';
  if (/^(sk|rk)_/.test(key)) return 'secret';
  if (/^pk_(test|live)_[A-Za-z0-9_]+$/.test(key)) return 'publishable';
  return 'malformed';
}

/** True for keys of test mode (`pk_test_…`), so elements can mark themselves as such. */
export function isTestKey(key: string): boolean {
  return key.startsWith('pk_test_');
}
