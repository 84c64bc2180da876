/**
 * The set-based SQL of the billing run: one statement per batch of due subscriptions (claim,
 * the rows a batch reads, multi-row inserts, set-based updates) instead of one per subscription,
 * written as plain SQL through `db/raw` (drizzle's builder cost more than SQLite for these). Every
 * query filters by `livemode`, with `MODE_FILTER` where ids or a customer narrow the rows.
 */
import type { Executor } from '../db/client.js';
import { MODE_FILTER } from '../db/in-mode.js';
import { columnList, execute, insertRows, placeholders, rowsOf, selectRows, updateRows } from '../db/raw.js';
import { coupons, customers, customerTaxIds, emails, invoiceLines, invoices, paymentMethods, payments, subscriptions, type CouponRow, type CustomerRow, type CustomerTaxIdRow } from '../db/schema.js';
import type { EmailRow } from '../email/repository.js';
import type { InvoiceLineRow, InvoiceRow } from '../resources/invoices/repository.js';
import type { PaymentMethodRow } from '../resources/payment-methods/repository.js';
import type { PaymentRow } from '../resources/payments/repository.js';
import type { SubscriptionRow } from '../resources/subscriptions/repository.js';

const mode = (livemode: boolean) => (livemode ? 1 : 0);
const unique = (ids: readonly string[]) => [...new Set(ids)];

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
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
    const pairs = claimable.map(() => '(?, ?)').join(', ');
    const result = await execute(
      ex,
      // A join on the primary key (a row-value `in (values …)` scanned the table).
      `update "subscriptions" set "next_action_at" = ? from (values ${pairs}) as v where "subscriptions"."id" = v.column1 and "subscriptions"."next_action_at" = v.column2 and ${MODE_FILTER} returning ${columnList(subscriptions)}`,
      [toMs, ...claimable.flatMap((row) => [row.id, row.nextActionAt]), mode(livemode)],
    );
    return rowsOf(subscriptions, result);
  },

  /** Customers by id (deleted ones included, as the per-subscription step reads them). */
  async customers(ex: Executor, livemode: boolean, ids: readonly string[]): Promise<Map<string, CustomerRow>> {
    if (ids.length === 0) return new Map();
    const list = unique(ids);
    return byId(await selectRows(ex, customers, `${MODE_FILTER} and "id" in (${placeholders(list.length)})`, [mode(livemode), ...list]));
  },

  /** Tax ids per customer, oldest first (the first one goes on the invoice). */
  async taxIds(ex: Executor, customerIds: readonly string[]): Promise<Map<string, CustomerTaxIdRow[]>> {
    const byCustomer = new Map<string, CustomerTaxIdRow[]>();
    if (customerIds.length === 0) return byCustomer;
    const list = unique(customerIds);
    const rows = await selectRows(ex, customerTaxIds, `"customer_id" in (${placeholders(list.length)}) order by "created_at", "id"`, list);
    for (const row of rows) {
      const found = byCustomer.get(row.customerId) ?? [];
      found.push(row);
      byCustomer.set(row.customerId, found);
    }
    return byCustomer;
  },

  /** Credit balances per `customer:currency` (positive = the vendor owes it). */
  async creditBalances(ex: Executor, livemode: boolean, customerIds: readonly string[]): Promise<Map<string, number>> {
    const balances = new Map<string, number>();
    if (customerIds.length === 0) return balances;
    const list = unique(customerIds);
    const result = await execute(
      ex,
      `select "customer_id", "currency", sum("amount") from "customer_balance_transactions" where ${MODE_FILTER} and "customer_id" in (${placeholders(list.length)}) group by "customer_id", "currency"`,
      [mode(livemode), ...list],
    );
    for (const row of result.rows) balances.set(`${String(row[0])}:${String(row[1])}`, Number(row[2] ?? 0));
    return balances;
  },

  async coupons(ex: Executor, livemode: boolean, ids: readonly string[]): Promise<Map<string, CouponRow>> {
    if (ids.length === 0) return new Map();
    const list = unique(ids);
    return byId(await selectRows(ex, coupons, `${MODE_FILTER} and "id" in (${placeholders(list.length)})`, [mode(livemode), ...list]));
  },

  /** Invoices already finalized under these dedupe keys (a rerun finds them). */
  async invoicesByDedupeKey(ex: Executor, livemode: boolean, keys: readonly string[]): Promise<Map<string, InvoiceRow>> {
    if (keys.length === 0) return new Map();
    const list = unique(keys);
    const rows = await selectRows(ex, invoices, `"livemode" = ? and "dedupe_key" in (${placeholders(list.length)})`, [mode(livemode), ...list]);
    return new Map(rows.map((row) => [row.dedupeKey as string, row]));
  },

  async invoices(ex: Executor, livemode: boolean, ids: readonly string[]): Promise<Map<string, InvoiceRow>> {
    if (ids.length === 0) return new Map();
    const list = unique(ids);
    return byId(await selectRows(ex, invoices, `${MODE_FILTER} and "id" in (${placeholders(list.length)})`, [mode(livemode), ...list]));
  },

  /** The customer of each of these invoices (only that: the charge step reads nothing else first). */
  async invoiceCustomers(ex: Executor, livemode: boolean, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const list = unique(ids);
    const result = await execute(ex, `select "id", "customer_id" from "invoices" where ${MODE_FILTER} and "id" in (${placeholders(list.length)})`, [mode(livemode), ...list]);
    return new Map(result.rows.map((row) => [String(row[0]), String(row[1])]));
  },

  /** Lines of these invoices by invoice id, in position order. */
  async linesOf(ex: Executor, invoiceIds: readonly string[]): Promise<Map<string, InvoiceLineRow[]>> {
    const grouped = new Map<string, InvoiceLineRow[]>();
    if (invoiceIds.length === 0) return grouped;
    const list = unique(invoiceIds);
    for (const row of await selectRows(ex, invoiceLines, `"invoice_id" in (${placeholders(list.length)}) order by "invoice_id", "position"`, list)) {
      const lines = grouped.get(row.invoiceId) ?? [];
      lines.push(row);
      grouped.set(row.invoiceId, lines);
    }
    return grouped;
  },

  /** The earliest `next_payment_attempt_at` of each subscription's open invoices. */
  async earliestRetries(ex: Executor, livemode: boolean, subscriptionIds: readonly string[]): Promise<Map<string, number>> {
    const earliest = new Map<string, number>();
    if (subscriptionIds.length === 0) return earliest;
    const list = unique(subscriptionIds);
    const result = await execute(
      ex,
      `select "subscription_id", min("next_payment_attempt_at") from "invoices" where ${MODE_FILTER} and "subscription_id" in (${placeholders(list.length)}) and "status" = 'open' group by "subscription_id"`,
      [mode(livemode), ...list],
    );
    for (const row of result.rows) if (row[0] !== null && row[1] !== null) earliest.set(String(row[0]), Number(row[1]));
    return earliest;
  },

  async insertInvoices(ex: Executor, rows: readonly InvoiceRow[], lines: readonly InvoiceLineRow[]): Promise<void> {
    await insertRows(ex, invoices, rows);
    await insertRows(ex, invoiceLines, lines);
  },

  /**
   * Writes renewed subscriptions' new state where each still has the version read, in one
   * statement per shape of patch. Returns the ids written: one missing means someone wrote first.
   */
  async saveVersionedMany(ex: Executor, livemode: boolean, saves: readonly { row: Pick<SubscriptionRow, 'id' | 'version'>; patch: Partial<SubscriptionRow> }[]): Promise<Set<string>> {
    const updated = await updateRows(
      ex,
      subscriptions,
      ['livemode', 'id', 'version'],
      saves.map(({ row, patch }) => ({ where: { livemode, id: row.id, version: row.version }, set: patch })),
    );
    return new Set(updated.map((values) => String(values[1])));
  },

  /** `next_action_at` of many subscriptions (scheduler bookkeeping: the version stays). */
  async setNextActions(ex: Executor, livemode: boolean, next: readonly { id: string; atMs: number | null }[]): Promise<void> {
    await updateRows(
      ex,
      subscriptions,
      ['livemode', 'id'],
      next.map(({ id, atMs }) => ({ where: { livemode, id }, set: { nextActionAt: atMs } })),
    );
  },

  /** Payments and invoices after a batch of successful charges: each row's own patch, set-based. */
  async updatePayments(ex: Executor, livemode: boolean, patches: readonly { id: string; patch: Partial<PaymentRow> }[]): Promise<void> {
    await updateRows(ex, payments, ['livemode', 'id'], patches.map(({ id, patch }) => ({ where: { livemode, id }, set: patch })));
  },

  async updateInvoices(ex: Executor, livemode: boolean, patches: readonly { id: string; patch: Partial<InvoiceRow> }[]): Promise<void> {
    await updateRows(ex, invoices, ['livemode', 'id'], patches.map(({ id, patch }) => ({ where: { livemode, id }, set: patch })));
  },

  /** Subscriptions by id. */
  async subscriptions(ex: Executor, livemode: boolean, ids: readonly string[]): Promise<Map<string, SubscriptionRow>> {
    if (ids.length === 0) return new Map();
    const list = unique(ids);
    return byId(await selectRows(ex, subscriptions, `${MODE_FILTER} and "id" in (${placeholders(list.length)})`, [mode(livemode), ...list]));
  },

  /** Attached (not detached) payment methods of these customers, newest first, as `listForCustomer` orders them. */
  async paymentMethodsOf(ex: Executor, livemode: boolean, customerIds: readonly string[]): Promise<PaymentMethodRow[]> {
    if (customerIds.length === 0) return [];
    const list = unique(customerIds);
    return selectRows(ex, paymentMethods, `${MODE_FILTER} and "customer_id" in (${placeholders(list.length)}) and "detached_at" is null order by "created_at" desc, "id" desc`, [mode(livemode), ...list]);
  },

  async paymentsByIdempotencyKey(ex: Executor, livemode: boolean, keys: readonly string[]): Promise<Map<string, PaymentRow>> {
    if (keys.length === 0) return new Map();
    const list = unique(keys);
    const rows = await selectRows(ex, payments, `"livemode" = ? and "idempotency_key" in (${placeholders(list.length)})`, [mode(livemode), ...list]);
    return new Map(rows.map((row) => [row.idempotencyKey as string, row]));
  },

  async payments(ex: Executor, livemode: boolean, ids: readonly string[]): Promise<Map<string, PaymentRow>> {
    if (ids.length === 0) return new Map();
    const list = unique(ids);
    return byId(await selectRows(ex, payments, `${MODE_FILTER} and "id" in (${placeholders(list.length)})`, [mode(livemode), ...list]));
  },

  /** Stores emails (multi-row); one whose dedupe key is stored already is skipped. */
  async insertEmails(ex: Executor, rows: readonly EmailRow[]): Promise<void> {
    await insertRows(ex, emails, rows, { onConflictDoNothing: ['livemode', 'dedupeKey'] });
  },

  async insertPayments(ex: Executor, rows: readonly PaymentRow[]): Promise<void> {
    await insertRows(ex, payments, rows);
  },
};
