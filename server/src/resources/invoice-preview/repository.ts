import { and, eq } from 'drizzle-orm';
import { creditBalance } from '../../billing/repository.js';
import type { Executor } from '../../db/client.js';
import { subscriptions } from '../../db/schema.js';

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
    /** The customer's credit balance in one currency, minor units (the billing module's own reading). */
    creditBalance(livemode: boolean, customerId: string, currency: string): Promise<number> {
      return creditBalance(db, livemode, customerId, currency);
    },
  };
}
export type PreviewRepository = ReturnType<typeof previewRepository>;
