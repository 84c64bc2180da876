import type { KeyKind } from '../config/key.js';
import { AbonaApiError } from './api-error.js';

/**
 * The configuration error for a key that must not or cannot be sent (secret, missing,
 * malformed), naming the setting to fix and never the key itself; `undefined` for a publishable
 * key. Its own module so a bundle that checks the key kind itself (the pricing table) carries
 * these messages only in the lazy chunk that renders the error.
 */
export function keyError(target: { keyKind: KeyKind; keySource: string }): AbonaApiError | undefined {
  switch (target.keyKind) {
    case 'publishable':
      return undefined;
    case 'secret':
      return new AbonaApiError(
        'configuration',
        'secret_key_in_browser',
        `Abona: a secret key (sk_…) was given in ${target.keySource}. Secret keys must never be used in a browser; use your publishable key (pk_…) and roll the exposed secret key.`,
        { param: 'publishable-key' },
      );
    case 'missing':
      return new AbonaApiError('configuration', 'missing_publishable_key', `Abona: no publishable key. Set ${target.keySource} to your pk_… key.`, {
        param: 'publishable-key',
      });
    case 'malformed':
      return new AbonaApiError('configuration', 'invalid_publishable_key', `Abona: ${target.keySource} is not a publishable key (pk_test_… or pk_live_…).`, {
        param: 'publishable-key',
      });
  }
}
