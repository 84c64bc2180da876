import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { insertRows } from '../db/raw.js';
import { ledgerEntries } from '../db/schema.js';
import { InvariantBroken } from '../errors/index.js';
import { randomIds } from '../ids/index.js';

export type LedgerAccount = (typeof ledgerEntries.account.enumValues)[number];

/** One leg: debit positive, credit negative, integer minor units. */
export interface JournalLeg {
  account: LedgerAccount;
  amount: number;
  currency: string;
  customerId?: string | null;
  description?: string;
}

export interface JournalInput {
  livemode: boolean;
  /** Unique per business event (`invoice.finalized:in_…`); each leg's key is `<prefix>:<n>`. */
  entryKeyPrefix: string;
  legs: readonly JournalLeg[];
  sourceType: string;
  sourceId: string;
  /** The business instant of the entry. */
  effectiveAtMs: number;
  /** `jrn_…`; random when left out. */
  journalId?: string;
}

/** The legs with zero amounts dropped; throws when they do not sum to zero per currency. */
export function balancedLegs(legs: readonly JournalLeg[]): JournalLeg[] {
  const sums = new Map<string, number>();
  for (const leg of legs) {
    if (!Number.isSafeInteger(leg.amount)) throw new InvariantBroken(`ledger leg ${leg.account} is not an integer: ${leg.amount}`);
    sums.set(leg.currency, (sums.get(leg.currency) ?? 0) + leg.amount);
  }
  for (const [currency, sum] of sums) {
    if (sum !== 0) throw new InvariantBroken(`journal does not balance in ${currency}: legs sum to ${sum}`);
  }
  return legs.filter((leg) => leg.amount !== 0);
}

/**
 * Posts a balanced journal in the caller's transaction. Legs must sum to zero per currency (a
 * broken sum is a bug and throws). Entry keys are unique, so posting the same business event
 * again is a no-op: the first posting wins and nothing is added.
 *
 * @returns the journal id, or null when the journal had been posted before (or has no legs).
 */
export async function postJournal(ex: Executor, input: JournalInput): Promise<string | null> {
  const legs = balancedLegs(input.legs);
  if (legs.length === 0) return null;
  const keys = legs.map((_, i) => `${input.entryKeyPrefix}:${i}`);
  const existing = await ex
    .select({ id: ledgerEntries.id })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.livemode, input.livemode), inArray(ledgerEntries.entryKey, keys)))
    .limit(1);
  if (existing.length > 0) return null;
  const journalId = input.journalId ?? randomIds.next('jrn');
  await ex.insert(ledgerEntries).values(journalEntries({ ...input, journalId }, legs));
  return journalId;
}

export type LedgerEntryRow = typeof ledgerEntries.$inferInsert;

/** The entry rows of a journal whose legs are already balanced ({@link balancedLegs}). */
function journalEntries(input: JournalInput & { journalId: string }, legs: readonly JournalLeg[]): LedgerEntryRow[] {
  return legs.map((leg, i) => ({
    id: randomIds.next('le'),
    livemode: input.livemode,
    createdAt: input.effectiveAtMs,
    journalId: input.journalId,
    entryKey: `${input.entryKeyPrefix}:${i}`,
    account: leg.account,
    amount: leg.amount,
    currency: leg.currency,
    customerId: leg.customerId ?? null,
    sourceType: input.sourceType,
    sourceId: input.sourceId,
    effectiveAt: input.effectiveAtMs,
    description: leg.description ?? null,
  }));
}

/**
 * Posts many journals of business events that are new by construction (their source was created
 * in the same transaction, so no entry key can exist yet) with multi-row inserts. Each journal
 * must balance, as in {@link postJournal}; a key that exists anyway fails the transaction
 * (unique constraint) rather than being skipped.
 */
export async function postNewJournals(ex: Executor, inputs: readonly JournalInput[]): Promise<void> {
  const rows: LedgerEntryRow[] = [];
  for (const input of inputs) rows.push(...journalEntries({ ...input, journalId: input.journalId ?? randomIds.next('jrn') }, balancedLegs(input.legs)));
  await insertRows(ex, ledgerEntries, rows);
}

/** Journals whose legs do not sum to zero per currency (should always be empty): for audits and tests. */
export async function unbalancedJournals(ex: Executor, livemode: boolean): Promise<{ journalId: string; currency: string; sum: number }[]> {
  const rows = await ex
    .select({ journalId: ledgerEntries.journalId, currency: ledgerEntries.currency, sum: sql<number>`sum(${ledgerEntries.amount})` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.livemode, livemode))
    .groupBy(ledgerEntries.journalId, ledgerEntries.currency);
  return rows.filter((row) => Number(row.sum) !== 0).map((row) => ({ ...row, sum: Number(row.sum) }));
}

/** Balance of one account per currency (debit positive), optionally for one customer. */
export async function accountBalance(ex: Executor, livemode: boolean, account: LedgerAccount, customerId?: string): Promise<Record<string, number>> {
  const conditions = [eq(ledgerEntries.livemode, livemode), eq(ledgerEntries.account, account)];
  if (customerId !== undefined) conditions.push(eq(ledgerEntries.customerId, customerId));
  const rows = await ex
    .select({ currency: ledgerEntries.currency, sum: sql<number>`sum(${ledgerEntries.amount})` })
    .from(ledgerEntries)
    .where(and(...conditions))
    .groupBy(ledgerEntries.currency);
  return Object.fromEntries(rows.map((row) => [row.currency, Number(row.sum)]));
}
