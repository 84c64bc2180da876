import { createHash } from 'node:crypto';
import type { IdGenerator } from '../ids/index.js';

/** SHA-256 hex: the only form in which portal codes and tokens are stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A one-time portal code: `psc_` + 32 base62 characters (~190 bits, over the 128 required). */
export function newPortalCode(ids: IdGenerator): string {
  return `psc_${ids.random(32)}`;
}

/** A portal bearer token: `ptok_` + 48 base62 characters (~285 bits, over the 256 required). */
export function newPortalToken(ids: IdGenerator): string {
  return `ptok_${ids.random(48)}`;
}
