import { and, asc, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { inMode } from '../db/in-mode.js';
import {
  coupons,
  customers,
  customerTaxIds,
  events,
  invoiceLines,
  invoices,
  paymentMethods,
  prices,
  products,
  subscriptions,
  type CustomerRow,
  type CustomerTaxIdRow,
  type PriceRow,
  type ProductRow,
} from '../db/schema.js';
import { paginate, type Page, type PageRequest } from '../http/pagination.js';
import { invoiceRepository } from '../resources/invoices/repository.js';

export type SubscriptionRow = typeof subscriptions.$inferSelect;
export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
export type PaymentMethodRow = typeof paymentMethods.$inferSelect;
type EventRow = typeof events.$inferSelect;

/** The customer a portal token is scoped to: every query below filters by it and the mode. */
export interface CustomerScope {
  customerId: string;
  livemode: boolean;
}

/**
 * Reads and writes of the portal, each one scoped to one customer in one mode. There is no
 * function here that takes an object id without the scope: a token of customer A asking for
 * customer B's object finds nothing, exactly as for an id that does not exist (a 404).
 */
export function portalRepository(db: Executor) {
  // The customer narrows every portal read: the mode stays off the indexes (see db/in-mode.ts).
  const ownSubscription = (scope: CustomerScope) =>
    and(inMode(subscriptions.livemode, scope.livemode), eq(subscriptions.customerId, scope.customerId));
  // Drafts are the vendor's work in progress: the customer sees an invoice once it is finalized.
  const ownInvoice = (scope: CustomerScope) =>
    and(
      inMode(invoices.livemode, scope.livemode),
      eq(invoices.customerId, scope.customerId),
      ne(invoices.status, 'draft'),
    );

  const findSubscription = async (scope: CustomerScope, id: string): Promise<SubscriptionRow | undefined> => {
    const [row] = await db
      .select()
      .from(subscriptions)
      .where(and(ownSubscription(scope), eq(subscriptions.id, id)))
      .limit(1);
    return row;
  };
  const findInvoice = async (scope: CustomerScope, id: string): Promise<InvoiceRow | undefined> => {
    const [row] = await db
      .select()
      .from(invoices)
      .where(and(ownInvoice(scope), eq(invoices.id, id)))
      .limit(1);
    return row;
  };

  return {
    async customer(
      scope: CustomerScope,
    ): Promise<{ customer: CustomerRow; taxIds: CustomerTaxIdRow[] } | undefined> {
      const [customer] = await db
        .select()
        .from(customers)
        .where(
          and(
            eq(customers.livemode, scope.livemode),
            eq(customers.id, scope.customerId),
            isNull(customers.deletedAt),
          ),
        )
        .limit(1);
      if (!customer) return undefined;
      const taxIds = await db
        .select()
        .from(customerTaxIds)
        .where(eq(customerTaxIds.customerId, scope.customerId))
        .orderBy(asc(customerTaxIds.createdAt), asc(customerTaxIds.id));
      return { customer, taxIds };
    },

    /** Updates the customer row and, when given, replaces its tax ids, with the event. */
    async updateCustomer(
      scope: CustomerScope,
      patch: Partial<CustomerRow>,
      taxIds: CustomerTaxIdRow[] | undefined,
    ): Promise<void> {
      await db
        .update(customers)
        .set(patch)
        .where(
          and(
            eq(customers.livemode, scope.livemode),
            eq(customers.id, scope.customerId),
            isNull(customers.deletedAt),
          ),
        );
      if (taxIds === undefined) return;
      await db.delete(customerTaxIds).where(eq(customerTaxIds.customerId, scope.customerId));
      if (taxIds.length > 0) await db.insert(customerTaxIds).values(taxIds);
    },

    async recordEvent(event: EventRow): Promise<void> {
      await db.insert(events).values(event).onConflictDoNothing();
    },

    findSubscription,
    listSubscriptions(scope: CustomerScope, page: PageRequest): Promise<Page<SubscriptionRow>> {
      return paginate({
        page,
        columns: { createdAt: subscriptions.createdAt, id: subscriptions.id },
        find: (id) => findSubscription(scope, id),
        query: (keyset, order, limit) =>
          db
            .select()
            .from(subscriptions)
            .where(and(ownSubscription(scope), keyset))
            .orderBy(...order)
            .limit(limit),
      });
    },
    /** Every subscription of the customer in these statuses (for entitlements and plan options). */
    async subscriptionsIn(
      scope: CustomerScope,
      statuses: readonly SubscriptionRow['status'][],
    ): Promise<SubscriptionRow[]> {
      if (statuses.length === 0) return [];
      return db
        .select()
        .from(subscriptions)
        .where(and(ownSubscription(scope), inArray(subscriptions.status, [...statuses])))
        .orderBy(asc(subscriptions.createdAt), asc(subscriptions.id));
    },

    findInvoice,
    listInvoices(scope: CustomerScope, page: PageRequest): Promise<Page<InvoiceRow>> {
      return paginate({
        page,
        columns: { createdAt: invoices.createdAt, id: invoices.id },
        find: (id) => findInvoice(scope, id),
        query: (keyset, order, limit) =>
          db
            .select()
            .from(invoices)
            .where(and(ownInvoice(scope), keyset))
            .orderBy(...order)
            .limit(limit),
      });
    },
    /** Lines of invoices already found through the scope, grouped by invoice, in position order. */
    linesOf: (invoiceIds: readonly string[]) => invoiceRepository.linesOf(db, invoiceIds),

    /** Attached (not detached) payment methods, oldest first. */
    async paymentMethods(scope: CustomerScope): Promise<PaymentMethodRow[]> {
      return db
        .select()
        .from(paymentMethods)
        .where(
          and(
            eq(paymentMethods.livemode, scope.livemode),
            eq(paymentMethods.customerId, scope.customerId),
            isNull(paymentMethods.detachedAt),
          ),
        )
        .orderBy(asc(paymentMethods.createdAt), asc(paymentMethods.id));
    },

    /** A coupon of this mode that still exists (retention offers point at one). */
    async couponExists(livemode: boolean, id: string): Promise<boolean> {
      const [row] = await db
        .select({ id: coupons.id })
        .from(coupons)
        .where(and(eq(coupons.livemode, livemode), eq(coupons.id, id), isNull(coupons.deletedAt)))
        .limit(1);
      return row !== undefined;
    },

    /** Price rows of one mode by id (catalog data, not customer data). */
    async pricesById(livemode: boolean, ids: readonly string[]): Promise<Map<string, PriceRow>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select()
        .from(prices)
        .where(and(eq(prices.livemode, livemode), inArray(prices.id, [...new Set(ids)])));
      return new Map(rows.map((row) => [row.id, row]));
    },
    async productsById(livemode: boolean, ids: readonly string[]): Promise<Map<string, ProductRow>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select()
        .from(products)
        .where(and(eq(products.livemode, livemode), inArray(products.id, [...new Set(ids)])));
      return new Map(rows.map((row) => [row.id, row]));
    },
    /** Active products of these groups, by group then rank, with their active recurring prices. */
    async plansInGroups(
      livemode: boolean,
      groups: readonly string[],
    ): Promise<{ product: ProductRow; priceIds: string[] }[]> {
      if (groups.length === 0) return [];
      const rows = await db
        .select()
        .from(products)
        .where(
          and(
            eq(products.livemode, livemode),
            eq(products.active, true),
            isNotNull(products.productGroup),
            inArray(products.productGroup, [...new Set(groups)]),
          ),
        )
        .orderBy(asc(products.productGroup), asc(products.rank), asc(products.createdAt), asc(products.id));
      if (rows.length === 0) return [];
      const priceRows = await db
        .select({ id: prices.id, productId: prices.productId })
        .from(prices)
        .where(
          and(
            eq(prices.livemode, livemode),
            eq(prices.active, true),
            eq(prices.type, 'recurring'),
            inArray(
              prices.productId,
              rows.map((row) => row.id),
            ),
          ),
        )
        .orderBy(asc(prices.createdAt), asc(prices.id));
      return rows.map((product) => ({
        product,
        priceIds: priceRows.filter((price) => price.productId === product.id).map((price) => price.id),
      }));
    },
  };
}
export type PortalRepository = ReturnType<typeof portalRepository>;
