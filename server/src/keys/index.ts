import { createHash } from 'node:crypto';
import { randomBase62 } from '../ids/index.js';

export type KeyKind = 'publishable' | 'secret';

export interface ParsedKey {
  kind: KeyKind;
  livemode: boolean;
}

const keyPattern = /^(pk|sk)_(test|live)_[A-Za-z0-9_]{4,200}$/;

/** Kind and mode of a well-formed key (`sk_test_…`), or `undefined` for anything else. */
export function parseKey(key: string): ParsedKey | undefined {
  const match = keyPattern.exec(key);
  if (!match) return undefined;
  return { kind: match[1] === 'pk' ? 'publishable' : 'secret', livemode: match[2] === 'live' };
}

/** SHA-256 hex of the whole key: the only form in which a key is ever stored. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new random key: `sk_live_` + 40 base62 characters (~238 bits). */
export function generateKey(kind: KeyKind, livemode: boolean): string {
  return `${kind === 'secret' ? 'sk' : 'pk'}_${livemode ? 'live' : 'test'}_${randomBase62(40)}`;
}

/** The fixed, documented demo keys: test mode only, never accepted in live mode. */
export const demoKeys = { publishable: 'pk_test_abona_demo', secret: 'sk_test_abona_demo' } as const;
