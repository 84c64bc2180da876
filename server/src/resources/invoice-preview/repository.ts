import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { customerBalanceTransactions, subscriptions } from '../../db/schema.js';

export type SubscriptionRow = typeof subscriptions.$inferSelect;

/** The preview's own reads (the catalog, customers and codes come from their resources' repositories). */
export function previewRepository(db: Executor) {
  return {
    async subscription(livemode: boolean, id: string): Promise<SubscriptionRow | undefined> {
      const [row] = await db
        .select()
        .from(subscriptions)
        .where(and(eq(subscriptions.livemode, livemode), eq(subscriptions.id, id)))
        .limit(1);
      return row;
    },
    /** The customer's credit balance in one currency (Σ of its append-only movements), minor units. */
    async creditBalance(livemode: boolean, customerId: string, currency: string): Promise<number> {
      const [row] = await db
        .select({ total: sql<number | null>`sum(${customerBalanceTransactions.amount})` })
        .from(customerBalanceTransactions)
        .where(
          and(
            eq(customerBalanceTransactions.livemode, livemode),
            eq(customerBalanceTransactions.customerId, customerId),
            eq(customerBalanceTransactions.currency, currency),
          ),
        );
      return Number(row?.total ?? 0);
    },
  };
}
export type PreviewRepository = ReturnType<typeof previewRepository>;
