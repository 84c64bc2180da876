import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inMode } from '../../db/in-mode.js';
import {
  customers,
  prices,
  products,
  subscriptions,
  type PriceRow,
  type ProductRow,
} from '../../db/schema.js';

export type SubscriptionRow = typeof subscriptions.$inferSelect;
export type SubscriptionStatus = SubscriptionRow['status'];

/** What entitlements are computed from: a customer's subscriptions and the catalog rows they use. */
export function entitlementRepository(db: Executor) {
  return {
    async customerExists(livemode: boolean, customerId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: customers.id })
        .from(customers)
        .where(
          and(eq(customers.livemode, livemode), eq(customers.id, customerId), isNull(customers.deletedAt)),
        )
        .limit(1);
      return row !== undefined;
    },
    async subscriptionsOf(
      livemode: boolean,
      customerId: string,
      statuses: readonly SubscriptionStatus[],
    ): Promise<SubscriptionRow[]> {
      return db
        .select()
        .from(subscriptions)
        .where(
          and(
            inMode(subscriptions.livemode, livemode),
            eq(subscriptions.customerId, customerId),
            inArray(subscriptions.status, [...statuses]),
          ),
        )
        .orderBy(asc(subscriptions.createdAt), asc(subscriptions.id));
    },
    async prices(livemode: boolean, ids: readonly string[]): Promise<PriceRow[]> {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(prices)
        .where(and(eq(prices.livemode, livemode), inArray(prices.id, [...new Set(ids)])));
    },
    async products(livemode: boolean, ids: readonly string[]): Promise<ProductRow[]> {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(products)
        .where(and(eq(products.livemode, livemode), inArray(products.id, [...new Set(ids)])));
    },
  };
}
export type EntitlementRepository = ReturnType<typeof entitlementRepository>;
