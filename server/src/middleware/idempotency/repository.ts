import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { idempotencyKeys, type IdempotencyRow } from '../../db/schema.js';

/** The SQL behind idempotency: the unique (api key, key) pair does the locking. */
export function idempotencyRepository(db: Db) {
  return {
    /** Claims the key; `false` when another request already holds it. */
    async claim(row: typeof idempotencyKeys.$inferInsert): Promise<boolean> {
      const inserted = await db.insert(idempotencyKeys).values(row).onConflictDoNothing().returning({ id: idempotencyKeys.id });
      return inserted.length === 1;
    },
    async find(apiKeyHash: string, key: string): Promise<IdempotencyRow | undefined> {
      const [row] = await db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.apiKeyHash, apiKeyHash), eq(idempotencyKeys.key, key)))
        .limit(1);
      return row;
    },
    async complete(id: string, status: number, body: string, contentType: string | null): Promise<void> {
      await db
        .update(idempotencyKeys)
        .set({ state: 'done', responseStatus: status, responseBody: body, responseContentType: contentType })
        .where(eq(idempotencyKeys.id, id));
    },
    /** Frees the key so the request can be retried (validation failures, crashes, expiry). */
    async release(id: string): Promise<void> {
      await db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, id));
    },
    /** Deletes answers past their 24 h; for the scheduler. Returns how many went. */
    async purgeExpired(nowMs: number): Promise<number> {
      const gone = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, nowMs)).returning({ id: idempotencyKeys.id });
      return gone.length;
    },
  };
}
export type IdempotencyRepository = ReturnType<typeof idempotencyRepository>;
