import { entitlementsFor, type Entitlement, type Product } from '@abona/core';
import type { Db, Executor } from '../../db/client.js';
import type { ProductRow } from '../../db/schema.js';
import { NotFound } from '../../errors/index.js';
import { entitlementRepository, type SubscriptionStatus } from './repository.js';

/** Subscriptions whose products grant entitlements: the customer has (or is trying) the plan. */
export const ENTITLED_STATUSES: readonly SubscriptionStatus[] = ['active', 'trialing', 'past_due'];

/** A product of one subscription that contributed, and the keys it grants. */
export interface EntitlementSourceView {
  subscriptionId: string;
  status: SubscriptionStatus;
  productId: string;
  keys: string[];
}

export interface CustomerEntitlements {
  customerId: string;
  /** Merged, sorted by key. */
  entitlements: Entitlement[];
  sources: EntitlementSourceView[];
}

function toCoreProduct(row: ProductRow): Product {
  return {
    id: row.id,
    name: row.name,
    ...(row.productGroup === null ? {} : { group: row.productGroup }),
    ...(row.rank === null ? {} : { rank: row.rank }),
    entitlements: row.entitlements,
  };
}

/**
 * Merges the entitlements of distinct products the way a catalog means them: products of one
 * group are tiers of one ladder (holding Basic and Pro mid-change gives Pro's limit: the
 * engine's `max`), while different groups, and ungrouped products, are add-ons that stack
 * (their limits add up: `sum`). Both steps are the engine's `entitlementsFor`.
 */
export function mergeCatalogEntitlements(productRows: readonly ProductRow[]): Entitlement[] {
  const groups = new Map<string, ProductRow[]>();
  for (const row of productRows) {
    const group = row.productGroup === null ? `product:${row.id}` : `group:${row.productGroup}`;
    groups.set(group, [...(groups.get(group) ?? []), row]);
  }
  // Plan ladders before add-ons: on a sum, name and unit come from the first listed (the plan's).
  const ordered = [...groups].sort(
    ([a], [b]) => Number(a.startsWith('product:')) - Number(b.startsWith('product:')),
  );
  const perGroup: Product[] = ordered.map(([group, rows]) => ({
    id: group,
    name: group,
    rank: Math.max(0, ...rows.map((row) => row.rank ?? 0)),
    entitlements: Object.values(entitlementsFor(rows.map(toCoreProduct))),
  }));
  const merged = entitlementsFor(perGroup, { numeric: 'sum' });
  return Object.keys(merged)
    .sort()
    .map((key) => merged[key])
    .filter((entitlement): entitlement is Entitlement => entitlement !== undefined);
}

/** What a customer may use now, from their active, trialing and past-due subscriptions. */
export function entitlementService(deps: { db: Db }) {
  return {
    /**
     * @throws NotFound when the customer does not exist in this mode.
     * @example const { entitlements } = await services.entitlements.forCustomer(false, 'cus_1');
     */
    async forCustomer(
      livemode: boolean,
      customerId: string,
      executor: Executor = deps.db,
    ): Promise<CustomerEntitlements> {
      const repo = entitlementRepository(executor);
      if (!(await repo.customerExists(livemode, customerId))) throw new NotFound('customer', customerId);
      const subs = await repo.subscriptionsOf(livemode, customerId, ENTITLED_STATUSES);
      const priceRows = await repo.prices(
        livemode,
        subs.flatMap((sub) => sub.items.map((item) => item.priceId)),
      );
      const productOfPrice = new Map(priceRows.map((price) => [price.id, price.productId]));
      const productRows = await repo.products(livemode, [...productOfPrice.values()]);
      const productById = new Map(productRows.map((row) => [row.id, row]));

      const sources: EntitlementSourceView[] = [];
      const held = new Map<string, ProductRow>();
      for (const sub of subs) {
        const productIds = new Set(
          sub.items
            .map((item) => productOfPrice.get(item.priceId))
            .filter((id): id is string => id !== undefined),
        );
        for (const productId of productIds) {
          const product = productById.get(productId);
          if (!product) continue;
          held.set(product.id, product);
          sources.push({
            subscriptionId: sub.id,
            status: sub.status,
            productId: product.id,
            keys: product.entitlements.map((e) => e.key),
          });
        }
      }
      return { customerId, entitlements: mergeCatalogEntitlements([...held.values()]), sources };
    },
  };
}
export type EntitlementService = ReturnType<typeof entitlementService>;
