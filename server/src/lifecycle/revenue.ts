import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import { inMode } from '../db/in-mode.js';
import { customers, invoiceLines, invoices } from '../db/schema.js';
import { postJournal } from '../ledger/post.js';
import type { LifecycleDeps } from './context.js';
import { lifecycleRepository, type ClockScope } from './repository.js';
import { creditedLines, recognitionJournal, scheduleOf } from './revenue-credit.js';

const cursorKey = (scope: ClockScope) => `revenue_recognized_through:${scope.testClockId ?? 'system'}`;

/**
 * Daily revenue recognition (ASC 606 / IFRS 15): for each invoice line with a service period,
 * the days delivered since the last run move from deferred revenue to revenue — core's
 * `revenueSchedule` (ratable, by the second) for subscription and proration lines,
 * `usageRevenueSchedule` (at delivery) for usage. One balanced journal per line and day, keyed
 * `revenue:<line>:<day>`, so a rerun posts nothing twice. A cursor per clock scope (in
 * `settings`) limits each run to lines still in service since the previous run. Lines of an
 * invoice voided meanwhile, and lines a credit has settled (`settleCreditedLines`), are skipped:
 * their revenue was closed when it happened.
 *
 * @returns the number of day entries posted.
 */
export async function recognizeRevenue(deps: LifecycleDeps, input: { livemode: boolean; nowMs: number; scope: ClockScope; batchSize?: number }): Promise<number> {
  const { db } = deps;
  const { livemode, nowMs, scope } = input;
  const key = cursorKey(scope);
  const cursor = Number((await lifecycleRepository.readSetting(db, livemode, key)) ?? 0);
  if (nowMs <= cursor) return 0;
  const scopeFilter: SQL = scope.testClockId === null ? isNull(customers.testClockId) : eq(customers.testClockId, scope.testClockId);
  const batchSize = input.batchSize ?? 500;
  let posted = 0;
  // Keyset over (period_end, id): the index then holds only the lines still in service, not every line ever invoiced.
  let after = { periodEnd: cursor, id: '' };
  for (;;) {
    const lines = await db
      .select({ line: invoiceLines, currency: invoices.currency, customerId: invoices.customerId })
      .from(invoiceLines)
      .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .where(
        and(
          inMode(invoices.livemode, livemode),
          inArray(invoices.status, ['open', 'paid']),
          isNotNull(invoiceLines.periodStart),
          gt(invoiceLines.periodEnd, cursor),
          sql`(${invoiceLines.periodEnd}, ${invoiceLines.id}) > (${after.periodEnd}, ${after.id})`,
          lt(invoiceLines.periodStart, nowMs),
          scopeFilter,
        ),
      )
      .orderBy(asc(invoiceLines.periodEnd), asc(invoiceLines.id))
      .limit(batchSize);
    if (lines.length === 0) break;
    const last = lines[lines.length - 1]?.line;
    if (last) after = { periodEnd: last.periodEnd ?? cursor, id: last.id };
    await db.transaction(async (tx) => {
      // Read again inside the transaction: a void or a credit committed since the select closed these lines.
      const live = new Set(
        (
          await tx
            .select({ id: invoices.id })
            .from(invoices)
            .where(and(inMode(invoices.livemode, livemode), inArray(invoices.id, [...new Set(lines.map((l) => l.line.invoiceId))]), inArray(invoices.status, ['open', 'paid'])))
        ).map((r) => r.id),
      );
      const closed = await creditedLines(tx, livemode, lines.map((l) => l.line.id));
      for (const { line, currency, customerId } of lines) {
        if (!live.has(line.invoiceId) || closed.has(line.id)) continue;
        const schedule = scheduleOf(line);
        if (!schedule) continue;
        for (const entry of schedule) {
          if (entry.serviceEndMs <= cursor || entry.serviceEndMs > nowMs || entry.amount === 0) continue;
          const journal = await postJournal(tx, recognitionJournal({ livemode, currency, customerId }, line.id, entry));
          if (journal !== null) posted += 1;
        }
      }
    });
    if (lines.length < batchSize) break;
    // As the billing run does between batches (see run.ts).
    await nextTurnOfEventLoop();
  }
  await lifecycleRepository.writeSetting(db, livemode, key, nowMs, nowMs);
  return posted;
}
