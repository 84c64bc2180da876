/** The only SQL of emails. */
import { and, asc, eq, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { emails } from '../db/schema.js';
import { paginate, type Page, type PageRequest } from '../http/pagination.js';

export type EmailRow = typeof emails.$inferSelect;

/** Inserts the email unless one with its dedupe key exists; returns whichever row is stored. */
export async function insertEmailOnce(ex: Executor, row: EmailRow): Promise<{ row: EmailRow; created: boolean }> {
  const inserted = await ex.insert(emails).values(row).onConflictDoNothing({ target: [emails.livemode, emails.dedupeKey] }).returning();
  if (inserted[0]) return { row: inserted[0], created: true };
  const [existing] = await ex
    .select()
    .from(emails)
    .where(and(eq(emails.livemode, row.livemode), eq(emails.dedupeKey, row.dedupeKey)))
    .limit(1);
  if (!existing) throw new Error(`email ${row.dedupeKey} conflicted but is not stored`);
  return { row: existing, created: false };
}

export async function findEmail(ex: Executor, livemode: boolean, id: string): Promise<EmailRow | undefined> {
  const [row] = await ex
    .select()
    .from(emails)
    .where(and(eq(emails.livemode, livemode), eq(emails.id, id)))
    .limit(1);
  return row;
}

export function listEmails(ex: Executor, livemode: boolean, filters: { customer?: string | undefined; template?: string | undefined }, page: PageRequest): Promise<Page<EmailRow>> {
  const conditions: (SQL | undefined)[] = [eq(emails.livemode, livemode)];
  if (filters.customer !== undefined) conditions.push(eq(emails.customerId, filters.customer));
  if (filters.template !== undefined) conditions.push(eq(emails.template, filters.template));
  return paginate({
    page,
    columns: { createdAt: emails.createdAt, id: emails.id },
    find: (id) => findEmail(ex, livemode, id),
    query: (keyset, order, limit) =>
      ex
        .select()
        .from(emails)
        .where(and(...conditions, keyset))
        .orderBy(...order)
        .limit(limit),
  });
}

/*
 * The emails table has no lock column, so while an email is `queued`, `sent_at` holds the
 * instant its claim expires (null: unclaimed). A conditional UPDATE hands it to one sender.
 */
const unclaimedQueued = (nowMs: number) => and(eq(emails.status, 'queued'), or(isNull(emails.sentAt), lt(emails.sentAt, nowMs)));

export async function queuedEmailIds(ex: Executor, nowMs: number, limit: number): Promise<string[]> {
  const rows = await ex.select({ id: emails.id }).from(emails).where(unclaimedQueued(nowMs)).orderBy(asc(emails.createdAt), asc(emails.id)).limit(limit);
  return rows.map((row) => row.id);
}

export async function claimEmail(ex: Executor, id: string, nowMs: number, claimUntilMs: number): Promise<EmailRow | undefined> {
  const [row] = await ex
    .update(emails)
    .set({ sentAt: claimUntilMs })
    .where(and(eq(emails.id, id), unclaimedQueued(nowMs)))
    .returning();
  return row;
}

/** Records the send's outcome if our claim (its expiry instant) still holds. */
export async function finishEmail(ex: Executor, id: string, claimUntilMs: number, patch: Pick<EmailRow, 'status' | 'sentAt' | 'error'>): Promise<boolean> {
  const done = await ex
    .update(emails)
    .set(patch)
    .where(and(eq(emails.id, id), eq(emails.status, 'queued'), eq(emails.sentAt, claimUntilMs)))
    .returning({ id: emails.id });
  return done.length === 1;
}
