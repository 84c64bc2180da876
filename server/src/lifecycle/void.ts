import { and, eq, gte, lt } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { customerBalanceTransactions, ledgerEntries } from '../db/schema.js';
import { recordEvent } from '../events/record.js';
import { postJournal } from '../ledger/post.js';
import { invoiceRepository, type InvoiceRow } from '../resources/invoices/repository.js';
import { toInvoice } from '../resources/invoices/serialize.js';
import type { LifecycleDeps } from './context.js';
import { reverseRecognizedRevenue } from './revenue-credit.js';

/**
 * Voids an open invoice nothing was paid on, in the caller's transaction: the finalization
 * journal is reversed (a reversing entry, never a deletion), revenue already recognized on its
 * lines is reversed (so deferred revenue and revenue of every line end at zero), credit it used
 * goes back to the customer's balance, and `invoice.voided` is recorded. A no-op for an invoice not open.
 */
export async function voidInvoice(tx: Executor, deps: LifecycleDeps, invoice: InvoiceRow, atMs: number): Promise<InvoiceRow> {
  const current = (await invoiceRepository.find(tx, invoice.livemode, invoice.id)) ?? invoice;
  if (current.status !== 'open' || current.amountPaid > 0) return current;
  // The finalization journal's legs: every entry key under this prefix (a key range, which the
  // (livemode, entry_key) index answers; a LIKE pattern walked the mode's ledger).
  const prefix = `invoice.finalized:${current.id}`;
  const legs = await tx
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.livemode, current.livemode), gte(ledgerEntries.entryKey, `${prefix}:`), lt(ledgerEntries.entryKey, `${prefix};`)));
  await postJournal(tx, {
    livemode: current.livemode,
    entryKeyPrefix: `invoice.voided:${current.id}`,
    legs: legs.map((l) => ({ account: l.account, amount: -l.amount, currency: l.currency, customerId: l.customerId })),
    sourceType: 'invoice',
    sourceId: current.id,
    effectiveAtMs: atMs,
  });
  await reverseRecognizedRevenue(tx, { livemode: current.livemode, invoiceId: current.id, currency: current.currency, customerId: current.customerId, atMs });
  const moves = await tx
    .select()
    .from(customerBalanceTransactions)
    .where(and(eq(customerBalanceTransactions.livemode, current.livemode), eq(customerBalanceTransactions.invoiceId, current.id)));
  for (const move of moves) {
    await tx
      .insert(customerBalanceTransactions)
      .values({ ...move, id: deps.ids.next('cbtxn'), createdAt: atMs, amount: -move.amount, type: 'unapplied_from_invoice', description: `Invoice ${current.number ?? current.id} voided`, dedupeKey: `voided:${move.dedupeKey}` })
      .onConflictDoNothing();
  }
  const voided =
    (await invoiceRepository.update(tx, current.livemode, current.id, { status: 'void', voidedAt: atMs, nextPaymentAttemptAt: null, amountRemaining: 0, updatedAt: atMs, version: current.version + 1 })) ?? current;
  const lines = (await invoiceRepository.linesOf(tx, [voided.id])).get(voided.id) ?? [];
  await recordEvent(tx, { livemode: voided.livemode, type: 'invoice.voided', data: toInvoice(voided, lines), dedupeKey: `invoice.voided:${voided.id}`, atMs, id: deps.ids.next('evt') });
  return voided;
}

/**
 * Writes an unpaid invoice off as uncollectible (retries exhausted, subscription canceled):
 * debit bad debt, credit the receivable, in the caller's transaction.
 */
export async function markUncollectible(tx: Executor, deps: LifecycleDeps, invoice: InvoiceRow, atMs: number): Promise<void> {
  if (invoice.status !== 'open') return;
  await postJournal(tx, {
    livemode: invoice.livemode,
    entryKeyPrefix: `invoice.uncollectible:${invoice.id}`,
    legs: [
      { account: 'bad_debt', amount: invoice.amountRemaining, currency: invoice.currency, customerId: invoice.customerId },
      { account: 'accounts_receivable', amount: -invoice.amountRemaining, currency: invoice.currency, customerId: invoice.customerId },
    ],
    sourceType: 'invoice',
    sourceId: invoice.id,
    effectiveAtMs: atMs,
  });
  const updated = await invoiceRepository.update(tx, invoice.livemode, invoice.id, { status: 'uncollectible', nextPaymentAttemptAt: null, updatedAt: atMs, version: invoice.version + 1 });
  if (updated) {
    const lines = (await invoiceRepository.linesOf(tx, [updated.id])).get(updated.id) ?? [];
    await recordEvent(tx, { livemode: updated.livemode, type: 'invoice.marked_uncollectible', data: toInvoice(updated, lines), dedupeKey: `invoice.marked_uncollectible:${updated.id}`, atMs, id: deps.ids.next('evt') });
  }
}
