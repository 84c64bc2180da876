import { recognizedThrough, revenueSchedule, usageRevenueSchedule, type RevenueEntry } from '@abona/core';
import { and, eq, gt, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { inMode } from '../db/in-mode.js';
import { invoiceLines, invoices, ledgerEntries } from '../db/schema.js';
import { postJournal, type JournalInput } from '../ledger/post.js';

type LineRow = typeof invoiceLines.$inferSelect;

/** The journal that closes a credited line; its first leg's key marks the line as settled for recognition. */
export const creditedKeyPrefix = (lineId: string) => `revenue.credited:${lineId}`;
const revenueKeyPrefix = (lineId: string) => `revenue:${lineId}:`;

/** A line's daily revenue schedule, as `recognizeRevenue` posts it; null for a sub-second period or no period. */
export function scheduleOf(line: Pick<LineRow, 'kind' | 'netAmount' | 'periodStart' | 'periodEnd'>): RevenueEntry[] | null {
  if (line.periodStart === null || line.periodEnd === null || line.netAmount === 0) return null;
  const period = { startMs: line.periodStart, endMs: line.periodEnd };
  try {
    return line.kind === 'usage' ? usageRevenueSchedule({ netAmount: line.netAmount, period }) : revenueSchedule({ netAmount: line.netAmount, period });
  } catch {
    return null; // a sub-second period has nothing to spread
  }
}

/** The journal of one day of a line's service: deferred revenue becomes revenue, keyed per line and day. */
export function recognitionJournal(owner: { livemode: boolean; currency: string; customerId: string }, lineId: string, entry: RevenueEntry): JournalInput {
  const { livemode, currency, customerId } = owner;
  return {
    livemode,
    entryKeyPrefix: `revenue:${lineId}:${entry.dateIso}`,
    legs: [
      { account: 'deferred_revenue', amount: entry.amount, currency, customerId },
      { account: 'revenue', amount: -entry.amount, currency, customerId },
    ],
    sourceType: 'invoice_line',
    sourceId: lineId,
    effectiveAtMs: entry.serviceEndMs,
  };
}

/**
 * Revenue recognized so far per line (positive for a charge), from the daily recognition
 * journals `revenue:<line>:<day>`. Each line is a key range on the unique entry-key index, so
 * the ledger is never scanned.
 */
export async function recognizedByLine(ex: Executor, livemode: boolean, lineIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const id of lineIds) {
    const prefix = revenueKeyPrefix(id);
    // ';' sorts right after ':', so [prefix, …;) is exactly the keys that start with the prefix.
    const [row] = await ex
      .select({ sum: sql<number | null>`sum(${ledgerEntries.amount})` })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.livemode, livemode), gte(ledgerEntries.entryKey, prefix), lt(ledgerEntries.entryKey, `${prefix.slice(0, -1)};`), eq(ledgerEntries.account, 'revenue')));
    // Revenue is a credit (negative) in the ledger.
    out.set(id, -Number(row?.sum ?? 0));
  }
  return out;
}

/** Of `lineIds`, those already settled by a credit (their recognition is closed). */
export async function creditedLines(ex: Executor, livemode: boolean, lineIds: readonly string[]): Promise<Set<string>> {
  if (lineIds.length === 0) return new Set();
  const keys = lineIds.map((id) => `${creditedKeyPrefix(id)}:0`);
  const rows = await ex
    .select({ key: ledgerEntries.entryKey })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.livemode, livemode), inArray(ledgerEntries.entryKey, keys)));
  return new Set(rows.map((r) => r.key.slice('revenue.credited:'.length, -':0'.length)));
}

/**
 * Reverses the revenue already recognized on the lines of an invoice being voided, in the
 * voiding transaction: revenue debited, deferred revenue credited back, one journal per line
 * keyed `revenue.voided:<line>`. With the reversal of the finalization journal this leaves
 * each line's deferred revenue and revenue at zero.
 */
export async function reverseRecognizedRevenue(tx: Executor, input: { livemode: boolean; invoiceId: string; currency: string; customerId: string; atMs: number }): Promise<void> {
  const lines = await tx.select().from(invoiceLines).where(and(eq(invoiceLines.invoiceId, input.invoiceId), isNotNull(invoiceLines.periodStart)));
  const recognized = await recognizedByLine(tx, input.livemode, lines.map((l) => l.id));
  for (const line of lines) {
    const amount = recognized.get(line.id) ?? 0;
    await postJournal(tx, {
      livemode: input.livemode,
      entryKeyPrefix: `revenue.voided:${line.id}`,
      legs: [
        { account: 'revenue', amount, currency: input.currency, customerId: input.customerId },
        { account: 'deferred_revenue', amount: -amount, currency: input.currency, customerId: input.customerId },
      ],
      sourceType: 'invoice_line',
      sourceId: line.id,
      effectiveAtMs: input.atMs,
    });
  }
}

/** One line's part of a credit: `creditAmount` of its net amount is credited from `fromMs` on. */
export interface CreditedLine {
  lineId: string;
  creditAmount: number;
}

/**
 * The service lines of a subscription's open or paid invoices that are still running at
 * `fromMs` and not settled by an earlier credit (an unpaid plan-change invoice does not count), with what each still has to recognize from
 * then on (the day in progress included): the weights of a credit from `fromMs`.
 */
export async function runningLines(ex: Executor, input: { livemode: boolean; subscriptionId: string; fromMs: number }): Promise<{ line: LineRow; remaining: number }[]> {
  const rows = await ex
    .select({ line: invoiceLines, status: invoices.status, metadata: invoices.metadata })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(
      and(
        inMode(invoices.livemode, input.livemode),
        eq(invoices.subscriptionId, input.subscriptionId),
        inArray(invoices.status, ['open', 'paid']),
        inArray(invoiceLines.kind, ['subscription', 'proration']),
        lt(invoiceLines.periodStart, input.fromMs),
        gt(invoiceLines.periodEnd, input.fromMs),
      ),
    );
  const closed = await creditedLines(ex, input.livemode, rows.map((r) => r.line.id));
  const out: { line: LineRow; remaining: number }[] = [];
  for (const { line, status, metadata } of rows) {
    // A plan change still waiting for its payment was never applied: its lines are not running.
    if (status === 'open' && metadata.abona_change !== undefined) continue;
    const schedule = scheduleOf(line);
    if (!schedule || closed.has(line.id)) continue;
    out.push({ line, remaining: recognizedThrough(schedule, input.fromMs).deferred });
  }
  return out;
}

/**
 * Splits a credit's net amount over the running lines: each line gives up what it still had to
 * recognize, and the rounding difference between the credit (priced from the items) and those
 * remainders goes to the line with the largest remainder. Remainders can have both signs (a
 * mid-period change's negative proration line), which largest-remainder allocation does not
 * take, hence this rule. Parts sum to `creditAmount` exactly.
 */
export function splitCredit(creditAmount: number, lines: readonly { line: { id: string }; remaining: number }[]): CreditedLine[] {
  if (lines.length === 0) return [];
  const parts = lines.map((l) => ({ lineId: l.line.id, creditAmount: l.remaining }));
  let largest = 0;
  lines.forEach((l, i) => {
    if (Math.abs(l.remaining) > Math.abs(lines[largest]?.remaining ?? 0)) largest = i;
  });
  const rest = creditAmount - lines.reduce((sum, l) => sum + l.remaining, 0);
  const target = parts[largest];
  if (target) target.creditAmount += rest;
  return parts;
}

/**
 * Settles the revenue of lines credited from `fromMs` on (a cancellation's prorated credit),
 * in the crediting transaction:
 * 1. the days delivered before `fromMs` are recognized now under their usual daily keys (a
 *    later recognition run finds them posted);
 * 2. one journal per line, `revenue.credited:<line>`, releases everything still deferred: the
 *    credited part to the customer's credit, the rest (the day in progress, rounding) to
 *    revenue. The line then holds no deferred revenue, its revenue is exactly its net amount
 *    less the credit, and recognition runs skip it.
 * Rerunning posts nothing twice (every journal is keyed).
 */
export async function settleCreditedLines(tx: Executor, input: { livemode: boolean; currency: string; customerId: string; fromMs: number; atMs: number; credits: readonly CreditedLine[] }): Promise<void> {
  const { livemode, currency, customerId } = input;
  const ids = input.credits.map((c) => c.lineId);
  if (ids.length === 0) return;
  const lines = new Map((await tx.select().from(invoiceLines).where(inArray(invoiceLines.id, ids))).map((l) => [l.id, l]));
  for (const credit of input.credits) {
    const line = lines.get(credit.lineId);
    const schedule = line ? scheduleOf(line) : null;
    if (!line || !schedule) continue;
    for (const entry of schedule) {
      if (entry.serviceEndMs > input.fromMs || entry.amount === 0) continue;
      await postJournal(tx, recognitionJournal({ livemode, currency, customerId }, line.id, entry));
    }
  }
  const recognized = await recognizedByLine(tx, livemode, ids);
  for (const credit of input.credits) {
    const line = lines.get(credit.lineId);
    if (!line) continue;
    const deferred = line.netAmount - (recognized.get(line.id) ?? 0);
    // deferred = the delivered rest (to revenue) + the credited part (to the customer).
    const delivered = deferred - credit.creditAmount;
    await postJournal(tx, {
      livemode,
      entryKeyPrefix: creditedKeyPrefix(line.id),
      legs: [
        { account: 'deferred_revenue', amount: deferred, currency, customerId },
        { account: 'revenue', amount: -delivered, currency, customerId },
        { account: 'customer_credit', amount: -credit.creditAmount, currency, customerId },
      ],
      sourceType: 'invoice_line',
      sourceId: line.id,
      effectiveAtMs: input.atMs,
    });
  }
}
