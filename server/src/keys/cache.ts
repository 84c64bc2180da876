import type { ApiKeyRow } from '../db/schema.js';

/** How long a looked-up key is trusted without asking the database again. */
export const KEY_CACHE_TTL_MS = 10_000;
/** Keys are few; past this many entries the cache starts over rather than grow. */
const MAX_ENTRIES = 1_000;

/**
 * Active API keys by SHA-256, as the auth middleware last read them. Every `/v1` request needs
 * its key's kind and mode; reading them from the database each time cost more than the route.
 *
 * Only keys that exist and are not revoked are cached (an unknown key asks the database every
 * time, so a key created by another process works at once). A revocation in this process
 * ({@link apiKeyRepository}'s `revoke`) drops the entry at once; one in another process (the CLI)
 * takes effect within {@link KEY_CACHE_TTL_MS}.
 */
export interface KeyCache {
  /** The cached row of `keyHash`, or `undefined` when unknown or older than the TTL. */
  get(keyHash: string): ApiKeyRow | undefined;
  set(keyHash: string, row: ApiKeyRow): void;
  /** Forgets one key, or every key. */
  invalidate(keyHash?: string): void;
}

/** A cache on a monotonic clock: freshness is about elapsed time, not business time. */
export function createKeyCache(
  ttlMs = KEY_CACHE_TTL_MS,
  nowMs: () => number = () => performance.now(),
): KeyCache {
  const entries = new Map<string, { row: ApiKeyRow; expiresAtMs: number }>();
  return {
    get(keyHash) {
      const entry = entries.get(keyHash);
      if (!entry) return undefined;
      if (entry.expiresAtMs <= nowMs()) {
        entries.delete(keyHash);
        return undefined;
      }
      return entry.row;
    },
    set(keyHash, row) {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(keyHash, { row, expiresAtMs: nowMs() + ttlMs });
    },
    invalidate(keyHash) {
      if (keyHash === undefined) entries.clear();
      else entries.delete(keyHash);
    },
  };
}

// One cache per database handle, so the auth middleware and the key repository (revoke) of the
// same database share it without being wired together, and two test apps never share one.
const caches = new WeakMap<object, KeyCache>();

/** The key cache of database `db` (created on first use). */
export function keyCacheFor(db: object): KeyCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = createKeyCache();
    caches.set(db, cache);
  }
  return cache;
}
