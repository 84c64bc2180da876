import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inMode } from '../../db/in-mode.js';
import { customers, paymentMethods, subscriptions } from '../../db/schema.js';

export type PaymentMethodRow = typeof paymentMethods.$inferSelect;

/** Statuses in which a subscription still needs a way to pay. */
const LIVE_SUBSCRIPTION_STATUSES = [
  'incomplete',
  'trialing',
  'active',
  'past_due',
  'unpaid',
  'paused',
] as const;

/** Payment method rows (attached ones unless said otherwise). */
export const paymentMethodRepository = {
  async find(ex: Executor, livemode: boolean, id: string): Promise<PaymentMethodRow | undefined> {
    const [row] = await ex
      .select()
      .from(paymentMethods)
      .where(
        and(
          eq(paymentMethods.livemode, livemode),
          eq(paymentMethods.id, id),
          isNull(paymentMethods.detachedAt),
        ),
      )
      .limit(1);
    return row;
  },
  async insert(ex: Executor, row: PaymentMethodRow): Promise<void> {
    await ex.insert(paymentMethods).values(row);
  },
  /** Attached methods of a customer, newest first. */
  async listForCustomer(ex: Executor, livemode: boolean, customerId: string): Promise<PaymentMethodRow[]> {
    return ex
      .select()
      .from(paymentMethods)
      .where(
        and(
          eq(paymentMethods.livemode, livemode),
          eq(paymentMethods.customerId, customerId),
          isNull(paymentMethods.detachedAt),
        ),
      )
      .orderBy(desc(paymentMethods.createdAt), desc(paymentMethods.id));
  },
  async detach(ex: Executor, livemode: boolean, id: string, atMs: number): Promise<void> {
    await ex
      .update(paymentMethods)
      .set({ detachedAt: atMs })
      .where(and(eq(paymentMethods.livemode, livemode), eq(paymentMethods.id, id)));
  },
  async setOffSessionReady(ex: Executor, livemode: boolean, id: string): Promise<void> {
    await ex
      .update(paymentMethods)
      .set({ offSessionReady: true })
      .where(and(eq(paymentMethods.livemode, livemode), eq(paymentMethods.id, id)));
  },
  async setCustomerDefault(
    ex: Executor,
    livemode: boolean,
    customerId: string,
    paymentMethodId: string | null,
    atMs: number,
  ): Promise<void> {
    await ex
      .update(customers)
      .set({ defaultPaymentMethodId: paymentMethodId, updatedAt: atMs })
      .where(and(eq(customers.livemode, livemode), eq(customers.id, customerId)));
  },
  async hasLiveSubscription(ex: Executor, livemode: boolean, customerId: string): Promise<boolean> {
    const rows = await ex
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(
        and(
          inMode(subscriptions.livemode, livemode),
          eq(subscriptions.customerId, customerId),
          inArray(subscriptions.status, [...LIVE_SUBSCRIPTION_STATUSES]),
        ),
      )
      .limit(1);
    return rows.length > 0;
  },
};
