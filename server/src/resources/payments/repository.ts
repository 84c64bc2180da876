import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { payments } from '../../db/schema.js';

export type PaymentRow = typeof payments.$inferSelect;

/** Payment rows (our record of each gateway charge). */
export const paymentRepository = {
  async find(ex: Executor, livemode: boolean, id: string): Promise<PaymentRow | undefined> {
    const [row] = await ex
      .select()
      .from(payments)
      .where(and(eq(payments.livemode, livemode), eq(payments.id, id)))
      .limit(1);
    return row;
  },
  async findByIdempotencyKey(ex: Executor, livemode: boolean, key: string): Promise<PaymentRow | undefined> {
    const [row] = await ex
      .select()
      .from(payments)
      .where(and(eq(payments.livemode, livemode), eq(payments.idempotencyKey, key)))
      .limit(1);
    return row;
  },
  async insert(ex: Executor, row: PaymentRow): Promise<void> {
    await ex.insert(payments).values(row);
  },
  async update(
    ex: Executor,
    livemode: boolean,
    id: string,
    patch: Partial<PaymentRow>,
  ): Promise<PaymentRow | undefined> {
    const [row] = await ex
      .update(payments)
      .set(patch)
      .where(and(eq(payments.livemode, livemode), eq(payments.id, id)))
      .returning();
    return row;
  },
  /** Payments still waiting for the gateway (bank transfers, debits, 3-D Secure), both modes. */
  async pending(ex: Executor): Promise<PaymentRow[]> {
    return ex.select().from(payments).where(sql`${payments.status} = 'processing'`); // a literal, so that the partial index applies
  },
};
