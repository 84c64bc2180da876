import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { checkoutSessions } from '../../db/schema.js';

export type CheckoutSessionRow = typeof checkoutSessions.$inferSelect;

/** Checkout session rows. Writers pass the version they read: a lost race writes nothing. */
export const checkoutSessionRepository = {
  async find(ex: Executor, livemode: boolean, id: string): Promise<CheckoutSessionRow | undefined> {
    const [row] = await ex
      .select()
      .from(checkoutSessions)
      .where(and(eq(checkoutSessions.livemode, livemode), eq(checkoutSessions.id, id)))
      .limit(1);
    return row;
  },
  async insert(ex: Executor, row: CheckoutSessionRow): Promise<void> {
    await ex.insert(checkoutSessions).values(row);
  },
  async update(
    ex: Executor,
    livemode: boolean,
    id: string,
    version: number,
    patch: Partial<CheckoutSessionRow>,
  ): Promise<CheckoutSessionRow | undefined> {
    const [row] = await ex
      .update(checkoutSessions)
      .set({ ...patch, version: version + 1 })
      .where(
        and(
          eq(checkoutSessions.livemode, livemode),
          eq(checkoutSessions.id, id),
          eq(checkoutSessions.version, version),
        ),
      )
      .returning();
    return row;
  },
  /** Sessions waiting for a bank transfer or debit to settle, in both modes. */
  async processing(ex: Executor): Promise<CheckoutSessionRow[]> {
    return ex
      .select()
      .from(checkoutSessions)
      .where(sql`${checkoutSessions.status} = 'open' and ${checkoutSessions.paymentStatus} = 'processing'`); // literals, so that the partial index applies
  },
};
