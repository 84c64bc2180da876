import type { KeyKind, KeySource } from '../config/key.js';
import { AbonaApiError } from './api-error.js';

/** The setting a developer must fix, in words, for each place a key can be set. */
const settingNames: Record<KeySource, string> = {
  attribute: 'the publishable-key attribute',
  script: 'the data-publishable-key attribute of the Abona script tag',
  configure: 'configure({ publishableKey })',
};

/**
 * The configuration error for a key that must not or cannot be sent (secret, missing,
 * malformed), naming the setting to fix and never the key itself; `undefined` for a publishable
 * key. Its own module so a bundle that checks the key kind itself (the pricing table) carries
 * these messages only in the lazy chunk that renders the error.
 */
export function keyError(target: { keyKind: KeyKind; keySource: KeySource }): AbonaApiError | undefined {
  const setting = settingNames[target.keySource];
  switch (target.keyKind) {
    case 'publishable':
      return undefined;
    case 'secret':
      return new AbonaApiError(
        'configuration',
        'secret_key_in_browser',
        `Abona: a secret key (sk_…) was given in ${setting}. Secret keys must never be used in a browser; use your publishable key (pk_…) and roll the exposed secret key.`,
        { param: 'publishable-key' },
      );
    case 'missing':
      return new AbonaApiError('configuration', 'missing_publishable_key', `Abona: no publishable key. Set ${setting} to your pk_… key.`, {
        param: 'publishable-key',
      });
    case 'malformed':
      return new AbonaApiError('configuration', 'invalid_publishable_key', `Abona: ${setting} is not a publishable key (pk_test_… or pk_live_…).`, {
        param: 'publishable-key',
      });
  }
}
