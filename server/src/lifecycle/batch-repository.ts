/**
 * The set-based SQL of the billing run: one statement per batch of due subscriptions (claim,
 * the rows a batch reads, multi-row inserts) instead of one per subscription. Every query
 * filters by `livemode`.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { coupons, customerBalanceTransactions, customers, customerTaxIds, emails, invoiceLines, invoices, paymentMethods, payments, subscriptions, type CouponRow, type CustomerRow, type CustomerTaxIdRow } from '../db/schema.js';
import type { EmailRow } from '../email/repository.js';
import type { InvoiceLineRow, InvoiceRow } from '../resources/invoices/repository.js';
import type { PaymentMethodRow } from '../resources/payment-methods/repository.js';
import type { PaymentRow } from '../resources/payments/repository.js';
import type { SubscriptionRow } from '../resources/subscriptions/repository.js';

/** Keeps each multi-row statement far below SQLite's 32,766 parameters (invoices have ~37 columns). */
const ROWS_PER_INSERT = 400;

function* slices<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let from = 0; from < rows.length; from += size) yield rows.slice(from, from + size);
}

export const batchRepository = {
  /**
   * The claim of a whole batch: moves `next_action_at` of every row still at the value the runner
   * read to `toMs`, in one statement. Returns the rows this runner now owns (a concurrent runner
   * gets the others).
   */
  async claimMany(ex: Executor, livemode: boolean, seen: readonly Pick<SubscriptionRow, 'id' | 'nextActionAt'>[], toMs: number): Promise<SubscriptionRow[]> {
    const claimable = seen.filter((row) => row.nextActionAt !== null);
    if (claimable.length === 0) return [];
    const pairs = sql.join(
      claimable.map((row) => sql`(${row.id}, ${row.nextActionAt})`),
      sql`, `,
    );
    return ex
      .update(subscriptions)
      .set({ nextActionAt: toMs })
      .where(and(eq(subscriptions.livemode, livemode), sql`(${subscriptions.id}, ${subscriptions.nextActionAt}) in (values ${pairs})`))
      .returning();
  },

  /** Customers by id (deleted ones included, as the per-subscription step reads them). */
  async customers(ex: Executor, livemode: boolean, ids: readonly string[]): Promise<Map<string, CustomerRow>> {
    if (ids.length === 0) return new Map();
    const rows = await ex
      .select()
      .from(customers)
      .where(and(eq(customers.livemode, livemode), inArray(customers.id, [...new Set(ids)])));
    return new Map(rows.map((row) => [row.id, row]));
  },

  /** Tax ids per customer, oldest first (the first one goes on the invoice). */
  async taxIds(ex: Executor, customerIds: readonly string[]): Promise<Map<string, CustomerTaxIdRow[]>> {
    const byCustomer = new Map<string, CustomerTaxIdRow[]>();
    if (customerIds.length === 0) return byCustomer;
    const rows = await ex
      .select()
      .from(customerTaxIds)
      .where(inArray(customerTaxIds.customerId, [...new Set(customerIds)]))
      .orderBy(customerTaxIds.createdAt, customerTaxIds.id);
    for (const row of rows) {
      const list = byCustomer.get(row.customerId) ?? [];
      list.push(row);
      byCustomer.set(row.customerId, list);
    }
    return byCustomer;
  },

  /** Credit balances per `customer:currency` (positive = the vendor owes it). */
  async creditBalances(ex: Executor, livemode: boolean, customerIds: readonly string[]): Promise<Map<string, number>> {
    const balances = new Map<string, number>();
    if (customerIds.length === 0) return balances;
    const rows = await ex
      .select({ customerId: customerBalanceTransactions.customerId, currency: customerBalanceTransactions.currency, sum: sql<number | null>`sum(${customerBalanceTransactions.amount})` })
      .from(customerBalanceTransactions)
      .where(and(eq(customerBalanceTransactions.livemode, livemode), inArray(customerBalanceTransactions.customerId, [...new Set(customerIds)])))
      .groupBy(customerBalanceTransactions.customerId, customerBalanceTransactions.currency);
    for (const row of rows) balances.set(`${row.customerId}:${row.currency}`, Number(row.sum ?? 0));
    return balances;
  },

  async coupons(ex: Executor, livemode: boolean, ids: readonly string[]): Promise<Map<string, CouponRow>> {
    if (ids.length === 0) return new Map();
    const rows = await ex
      .select()
      .from(coupons)
      .where(and(eq(coupons.livemode, livemode), inArray(coupons.id, [...new Set(ids)])));
    return new Map(rows.map((row) => [row.id, row]));
  },

  /** Invoices already finalized under these dedupe keys (a rerun finds them). */
  async invoicesByDedupeKey(ex: Executor, livemode: boolean, keys: readonly string[]): Promise<Map<string, InvoiceRow>> {
    if (keys.length === 0) return new Map();
    const rows = await ex
      .select()
      .from(invoices)
      .where(and(eq(invoices.livemode, livemode), inArray(invoices.dedupeKey, [...keys])));
    return new Map(rows.map((row) => [row.dedupeKey as string, row]));
  },

  async invoices(ex: Executor, livemode: boolean, ids: readonly string[]): Promise<Map<string, InvoiceRow>> {
    if (ids.length === 0) return new Map();
    const rows = await ex
      .select()
      .from(invoices)
      .where(and(eq(invoices.livemode, livemode), inArray(invoices.id, [...new Set(ids)])));
    return new Map(rows.map((row) => [row.id, row]));
  },

  /** The earliest `next_payment_attempt_at` of each subscription's open invoices. */
  async earliestRetries(ex: Executor, livemode: boolean, subscriptionIds: readonly string[]): Promise<Map<string, number>> {
    const earliest = new Map<string, number>();
    if (subscriptionIds.length === 0) return earliest;
    const rows = await ex
      .select({ subscriptionId: invoices.subscriptionId, at: sql<number | null>`min(${invoices.nextPaymentAttemptAt})` })
      .from(invoices)
      .where(and(eq(invoices.livemode, livemode), inArray(invoices.subscriptionId, [...new Set(subscriptionIds)]), eq(invoices.status, 'open')))
      .groupBy(invoices.subscriptionId);
    for (const row of rows) if (row.subscriptionId !== null && row.at !== null) earliest.set(row.subscriptionId, Number(row.at));
    return earliest;
  },

  async insertInvoices(ex: Executor, rows: readonly InvoiceRow[], lines: readonly InvoiceLineRow[]): Promise<void> {
    for (const slice of slices(rows, ROWS_PER_INSERT / 2)) await ex.insert(invoices).values(slice);
    for (const slice of slices(lines, ROWS_PER_INSERT)) await ex.insert(invoiceLines).values(slice);
  },

  /** Writes a renewed subscription's new state if it still has `version`; false when someone wrote first. */
  async saveVersioned(ex: Executor, livemode: boolean, id: string, version: number, patch: Partial<SubscriptionRow>): Promise<boolean> {
    const result = await ex
      .update(subscriptions)
      .set(patch)
      .where(and(eq(subscriptions.livemode, livemode), eq(subscriptions.id, id), eq(subscriptions.version, version)))
      .returning({ id: subscriptions.id });
    return result.length === 1;
  },

  /** Subscriptions by id. */
  async subscriptions(ex: Executor, livemode: boolean, ids: readonly string[]): Promise<Map<string, SubscriptionRow>> {
    if (ids.length === 0) return new Map();
    const rows = await ex
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.livemode, livemode), inArray(subscriptions.id, [...new Set(ids)])));
    return new Map(rows.map((row) => [row.id, row]));
  },

  /** Attached (not detached) payment methods of these customers, newest first, as `listForCustomer` orders them. */
  async paymentMethodsOf(ex: Executor, livemode: boolean, customerIds: readonly string[]): Promise<PaymentMethodRow[]> {
    if (customerIds.length === 0) return [];
    return ex
      .select()
      .from(paymentMethods)
      .where(and(eq(paymentMethods.livemode, livemode), inArray(paymentMethods.customerId, [...new Set(customerIds)]), isNull(paymentMethods.detachedAt)))
      .orderBy(sql`${paymentMethods.createdAt} desc`, sql`${paymentMethods.id} desc`);
  },

  async paymentsByIdempotencyKey(ex: Executor, livemode: boolean, keys: readonly string[]): Promise<Map<string, PaymentRow>> {
    if (keys.length === 0) return new Map();
    const rows = await ex
      .select()
      .from(payments)
      .where(and(eq(payments.livemode, livemode), inArray(payments.idempotencyKey, [...keys])));
    return new Map(rows.map((row) => [row.idempotencyKey as string, row]));
  },

  async payments(ex: Executor, livemode: boolean, ids: readonly string[]): Promise<Map<string, PaymentRow>> {
    if (ids.length === 0) return new Map();
    const rows = await ex
      .select()
      .from(payments)
      .where(and(eq(payments.livemode, livemode), inArray(payments.id, [...new Set(ids)])));
    return new Map(rows.map((row) => [row.id, row]));
  },

  /** Stores emails (multi-row); one whose dedupe key is stored already is skipped. */
  async insertEmails(ex: Executor, rows: readonly EmailRow[]): Promise<void> {
    for (const slice of slices(rows, ROWS_PER_INSERT)) await ex.insert(emails).values(slice).onConflictDoNothing({ target: [emails.livemode, emails.dedupeKey] });
  },

  async insertPayments(ex: Executor, rows: readonly PaymentRow[]): Promise<void> {
    for (const slice of slices(rows, ROWS_PER_INSERT)) await ex.insert(payments).values(slice);
  },
};
