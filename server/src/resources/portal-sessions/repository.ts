import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { customers, portalSessions, portalTokens, type CustomerRow } from '../../db/schema.js';

export type PortalSessionRow = typeof portalSessions.$inferSelect;
export type PortalTokenRow = typeof portalTokens.$inferSelect;

/** Portal sessions and tokens, looked up by the hashes of their secrets only. */
export function portalSessionRepository(db: Executor) {
  return {
    async insertSession(row: PortalSessionRow): Promise<void> {
      await db.insert(portalSessions).values(row);
    },
    /** The session of a code hash, in whichever mode it was minted: the code decides the mode. */
    async findSessionByCodeHash(codeHash: string): Promise<PortalSessionRow | undefined> {
      const [row] = await db
        .select()
        .from(portalSessions)
        .where(eq(portalSessions.codeHash, codeHash))
        .limit(1);
      return row;
    },
    /** Marks the session exchanged unless it already was: of two racing exchanges, one wins. */
    async markExchanged(id: string, nowMs: number): Promise<boolean> {
      const won = await db
        .update(portalSessions)
        .set({ exchangedAt: nowMs })
        .where(and(eq(portalSessions.id, id), isNull(portalSessions.exchangedAt)))
        .returning({ id: portalSessions.id });
      return won.length === 1;
    },
    async insertToken(row: PortalTokenRow): Promise<void> {
      await db.insert(portalTokens).values(row);
    },
    /** A token by its hash, unless revoked (expiry is the caller's check, against its clock). */
    async findLiveToken(tokenHash: string): Promise<PortalTokenRow | undefined> {
      const [row] = await db
        .select()
        .from(portalTokens)
        .where(and(eq(portalTokens.tokenHash, tokenHash), isNull(portalTokens.revokedAt)))
        .limit(1);
      return row;
    },
    async revokeToken(id: string, nowMs: number): Promise<void> {
      await db
        .update(portalTokens)
        .set({ revokedAt: nowMs })
        .where(and(eq(portalTokens.id, id), isNull(portalTokens.revokedAt)));
    },
    /** A customer of this mode that is not deleted. */
    async findCustomer(livemode: boolean, id: string): Promise<CustomerRow | undefined> {
      const [row] = await db
        .select()
        .from(customers)
        .where(and(eq(customers.livemode, livemode), eq(customers.id, id), isNull(customers.deletedAt)))
        .limit(1);
      return row;
    },
  };
}
export type PortalSessionRepository = ReturnType<typeof portalSessionRepository>;
