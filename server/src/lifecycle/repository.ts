/**
 * The SQL of the lifecycle engine: due subscriptions (streamed in keyset batches), the claim
 * that makes one runner the owner of a due step, open invoices awaiting a charge, and the
 * next due instant of a test clock. Every query filters by `livemode`.
 */
import { and, asc, eq, gt, inArray, lte, min, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { inMode } from '../db/in-mode.js';
import { columnList, execute, rowsOf } from '../db/raw.js';
import { customers, invoices, payments, settings, subscriptions } from '../db/schema.js';
import type { InvoiceRow } from '../resources/invoices/repository.js';
import type { SubscriptionRow } from '../resources/subscriptions/repository.js';

/** Which subscriptions a run looks at: the system clock's (no test clock), or one test clock's. */
export type ClockScope = { testClockId: null } | { testClockId: string };

/** Where a run's scan of due subscriptions stands: the last row's next action and rowid. */
export interface DueCursor {
  nextActionAt: number;
  rowid: number;
}

export const lifecycleRepository = {
  /**
   * Up to `limit` subscriptions due at `nowMs` after `cursor` in (next_action_at, rowid) order:
   * the order of `subscriptions_due_idx` itself (its entries end with the rowid), so each batch
   * reads its rows straight off the index. (In (next_action_at, id) order SQLite sorted every row
   * due at the same instant for every batch: a billing day of 50,000 renewals due at midnight.)
   * Rows a runner has handled leave the range (their next action moved), so the scan stays short.
   */
  async due(ex: Executor, input: { livemode: boolean; nowMs: number; scope: ClockScope; after: DueCursor | null; limit: number }): Promise<{ rows: SubscriptionRow[]; next: DueCursor | null }> {
    const { after, scope } = input;
    const args: unknown[] = [input.livemode ? 1 : 0, input.nowMs];
    let where = `"livemode" = ? and "next_action_at" is not null and "next_action_at" <= ?`;
    if (scope.testClockId === null) where += ` and "test_clock_id" is null`;
    else {
      where += ` and "test_clock_id" = ?`;
      args.push(scope.testClockId);
    }
    if (after) {
      where += ` and ("next_action_at" > ? or ("next_action_at" = ? and rowid > ?))`;
      args.push(after.nextActionAt, after.nextActionAt, after.rowid);
    }
    args.push(input.limit);
    const result = await execute(ex, `select ${columnList(subscriptions)}, rowid from "subscriptions" where ${where} order by "next_action_at", rowid limit ?`, args);
    const rows = rowsOf(subscriptions, result);
    const last = result.rows[result.rows.length - 1];
    const lastRow = rows[rows.length - 1];
    // The rowid is the column after the table's own.
    return { rows, next: last && lastRow ? { nextActionAt: lastRow.nextActionAt ?? 0, rowid: Number(last[result.columns.length - 1]) } : null };
  },

  /**
   * The claim: moves `next_action_at` from the value the runner read to `toMs`. Of several
   * runners (processes) that read the same row, exactly one gets it back; the others skip it.
   */
  async claim(ex: Executor, row: Pick<SubscriptionRow, 'id' | 'livemode' | 'nextActionAt'>, toMs: number | null): Promise<SubscriptionRow | undefined> {
    if (row.nextActionAt === null) return undefined;
    const [claimed] = await ex
      .update(subscriptions)
      .set({ nextActionAt: toMs })
      .where(and(eq(subscriptions.livemode, row.livemode), eq(subscriptions.id, row.id), eq(subscriptions.nextActionAt, row.nextActionAt)))
      .returning();
    return claimed;
  },

  /** Sets the scheduler hint without touching the version (it is bookkeeping, not a change). */
  async setNextAction(ex: Executor, livemode: boolean, id: string, atMs: number | null): Promise<void> {
    await ex
      .update(subscriptions)
      .set({ nextActionAt: atMs })
      .where(and(eq(subscriptions.livemode, livemode), eq(subscriptions.id, id)));
  },

  /** Open invoices of a subscription, oldest first. */
  async openInvoices(ex: Executor, livemode: boolean, subscriptionId: string): Promise<InvoiceRow[]> {
    return ex
      .select()
      .from(invoices)
      .where(and(inMode(invoices.livemode, livemode), eq(invoices.subscriptionId, subscriptionId), eq(invoices.status, 'open')))
      .orderBy(asc(invoices.createdAt), asc(invoices.id));
  },

  /** True when a payment of the invoice is still settling (a debit): charging again could take the money twice. */
  async hasProcessingPayment(ex: Executor, livemode: boolean, invoiceId: string): Promise<boolean> {
    const rows = await ex
      .select({ id: payments.id })
      .from(payments)
      .where(and(eq(payments.livemode, livemode), eq(payments.invoiceId, invoiceId), inArray(payments.status, ['processing', 'requires_action'])))
      .limit(1);
    return rows.length > 0;
  },

  /** The earliest `next_action_at` of a test clock's subscriptions after `afterMs` and ≤ `toMs`, if any. */
  async nextDueOfClock(ex: Executor, testClockId: string, afterMs: number, toMs: number): Promise<number | undefined> {
    const [row] = await ex
      .select({ at: min(subscriptions.nextActionAt) })
      .from(subscriptions)
      .where(and(eq(subscriptions.livemode, false), eq(subscriptions.testClockId, testClockId), gt(subscriptions.nextActionAt, afterMs), lte(subscriptions.nextActionAt, toMs)));
    return row?.at ?? undefined;
  },

  /** Live subscriptions of a customer that are waiting on a payment (past due or unpaid). */
  async delinquentOfCustomer(ex: Executor, livemode: boolean, customerId: string): Promise<SubscriptionRow[]> {
    return ex
      .select()
      .from(subscriptions)
      .where(and(inMode(subscriptions.livemode, livemode), eq(subscriptions.customerId, customerId), inArray(subscriptions.status, ['past_due', 'unpaid', 'incomplete'])));
  },

  async customerOf(ex: Executor, livemode: boolean, id: string) {
    const [row] = await ex
      .select()
      .from(customers)
      .where(and(eq(customers.livemode, livemode), eq(customers.id, id)))
      .limit(1);
    return row;
  },

  async readSetting(ex: Executor, livemode: boolean, key: string): Promise<unknown> {
    const [row] = await ex
      .select({ value: settings.value })
      .from(settings)
      .where(and(eq(settings.livemode, livemode), eq(settings.key, key)))
      .limit(1);
    return row?.value;
  },

  async writeSetting(ex: Executor, livemode: boolean, key: string, value: unknown, nowMs: number): Promise<void> {
    await ex
      .insert(settings)
      .values({ livemode, key, value, updatedAt: nowMs })
      .onConflictDoUpdate({ target: [settings.livemode, settings.key], set: { value, updatedAt: nowMs } });
  },

  /** Number of subscriptions with a due step (for reports). */
  async countDue(ex: Executor, livemode: boolean, nowMs: number): Promise<number> {
    const [row] = await ex
      .select({ n: sql<number>`count(*)` })
      .from(subscriptions)
      .where(and(eq(subscriptions.livemode, livemode), lte(subscriptions.nextActionAt, nowMs)));
    return Number(row?.n ?? 0);
  },
};
