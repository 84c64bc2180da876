import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { apiKeys, type ApiKeyRow } from '../db/schema.js';
import type { IdGenerator } from '../ids/index.js';
import { keyCacheFor } from './cache.js';
import { hashKey, parseKey } from './index.js';

/** Stores keys as hashes; the plain key is never written anywhere. */
export function apiKeyRepository(db: Db, ids: IdGenerator) {
  return {
    /**
     * Stores `key` (hashed) unless it is already there; returns its row. Used for freshly
     * generated keys, keys from the environment and the demo keys.
     */
    async ensure(key: string, nowMs: number, name: string | null = null): Promise<ApiKeyRow> {
      const parsed = parseKey(key);
      if (!parsed) throw new Error('Not an Abona API key (pk_test_…, sk_live_…)');
      const keyHash = hashKey(key);
      await db
        .insert(apiKeys)
        .values({ id: ids.next('key'), livemode: parsed.livemode, kind: parsed.kind, keyHash, name, createdAt: nowMs, revokedAt: null })
        .onConflictDoNothing();
      const [row] = await db.select().from(apiKeys).where(eq(apiKeys.keyHash, keyHash)).limit(1);
      return row as ApiKeyRow;
    },
    /** Revokes `key`; requests of this process refuse it at once (see `keyCacheFor`). */
    async revoke(key: string, nowMs: number): Promise<boolean> {
      const keyHash = hashKey(key);
      const rows = await db.update(apiKeys).set({ revokedAt: nowMs }).where(eq(apiKeys.keyHash, keyHash)).returning({ id: apiKeys.id });
      keyCacheFor(db).invalidate(keyHash);
      return rows.length === 1;
    },
  };
}
export type ApiKeyRepository = ReturnType<typeof apiKeyRepository>;
