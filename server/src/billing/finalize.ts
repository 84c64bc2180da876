import type { Invoice, Period } from '@abona/core';
import type { Executor } from '../db/client.js';
import type { CustomerDetailsJson, CustomerRow } from '../db/schema.js';
import { recordEvent } from '../events/record.js';
import type { IdGenerator } from '../ids/index.js';
import { postJournal, type JournalLeg } from '../ledger/post.js';
import { invoiceRepository, type InvoiceLineRow, type InvoiceRow } from '../resources/invoices/repository.js';
import { toInvoice } from '../resources/invoices/serialize.js';
import { customerDetailsOf, sellerDetailsOf } from './details.js';
import { customerTaxIdsOf, insertBalanceTransaction, nextSequenceValue, type BalanceTransactionRow } from './repository.js';
import type { SellerSettings } from './seller.js';

export interface FinalizeInvoiceInput {
  livemode: boolean;
  customer: CustomerRow;
  /** Who it is for as entered at checkout; default: from the customer row and its tax ids. */
  customerDetails?: CustomerDetailsJson;
  subscriptionId?: string | null;
  billingReason: InvoiceRow['billingReason'];
  /** One invoice per business event (`sub_…:period:…`): finalizing again returns the first one. */
  dedupeKey?: string;
  /** The engine's invoice (`buildInvoice`): every amount comes from here, none is computed below. */
  invoice: Invoice;
  /** The service period the invoice bills (the subscription period). */
  period?: Period;
  atMs: number;
  seller: SellerSettings;
  ids: IdGenerator;
  /** When payment is expected (send-invoice collection); null for automatic charges. */
  dueAtMs?: number | null;
  metadata?: Record<string, string>;
}

export interface FinalizedInvoice {
  invoice: InvoiceRow;
  lines: InvoiceLineRow[];
  /** False when the dedupe key found an invoice finalized before: nothing was written. */
  created: boolean;
}

/** `ABONA-000042`: per-mode sequence, allocated in the finalizing transaction so numbers have no gaps. */
export function formatInvoiceNumber(value: number): string {
  return `ABONA-${String(value).padStart(6, '0')}`;
}

/**
 * The ledger legs of a finalized invoice (debit positive): receivable for what will be charged,
 * customer credit used or generated, deferred revenue for lines with a service period
 * (recognized daily later), revenue for lines without one, and the tax owed.
 */
export function finalizationLegs(invoice: Invoice, customerId: string): JournalLeg[] {
  const currency = invoice.currency;
  let deferred = 0;
  let immediate = 0;
  for (const line of invoice.lines) {
    if (line.period) deferred += line.netAmount;
    else immediate += line.netAmount;
  }
  return [
    { account: 'accounts_receivable', amount: invoice.amountDue, currency, customerId },
    { account: 'customer_credit', amount: invoice.creditApplied - invoice.creditGenerated, currency, customerId },
    { account: 'deferred_revenue', amount: -deferred, currency, customerId },
    { account: 'revenue', amount: -immediate, currency, customerId },
    { account: 'tax_payable', amount: -invoice.tax, currency, customerId },
  ];
}

/**
 * The rows {@link finalizeInvoice} stores for an engine-built invoice: the invoice (open, or
 * paid when nothing is due) and its lines, every amount from the engine. Writes nothing, so the
 * billing run can store many invoices at once.
 */
export function finalizedRows(input: FinalizeInvoiceInput, id: string, number: string, customerDetails: CustomerDetailsJson): { row: InvoiceRow; lines: InvoiceLineRow[] } {
  const { livemode, customer, invoice, atMs, ids } = input;
  const paidNow = invoice.amountDue === 0;
  const row: InvoiceRow = {
    id,
    livemode,
    createdAt: atMs,
    updatedAt: atMs,
    number,
    customerId: customer.id,
    subscriptionId: input.subscriptionId ?? null,
    status: paidNow ? 'paid' : 'open',
    billingReason: input.billingReason,
    dedupeKey: input.dedupeKey ?? null,
    currency: invoice.currency,
    periodStart: input.period?.startMs ?? null,
    periodEnd: input.period?.endMs ?? null,
    subtotal: invoice.subtotal,
    totalDiscount: invoice.totalDiscount,
    totalExcludingTax: invoice.totalExcludingTax,
    tax: invoice.tax,
    total: invoice.total,
    creditApplied: invoice.creditApplied,
    amountDue: invoice.amountDue,
    amountPaid: 0,
    amountRemaining: invoice.amountDue,
    taxBreakdown: invoice.taxBreakdown.map((t) => ({ ...t })),
    notes: [...invoice.notes],
    reverseCharge: invoice.reverseCharge,
    customerDetails,
    sellerDetails: sellerDetailsOf(input.seller),
    finalizedAt: atMs,
    paidAt: paidNow ? atMs : null,
    voidedAt: null,
    dueAt: input.dueAtMs ?? null,
    attemptCount: 0,
    nextPaymentAttemptAt: null,
    metadata: input.metadata ?? {},
    version: 1,
  };
  const lines: InvoiceLineRow[] = invoice.lines.map((line, position) => ({
    id: ids.next('il'),
    livemode,
    createdAt: atMs,
    invoiceId: id,
    position,
    kind: line.kind,
    description: line.description,
    amount: line.amount,
    quantity: line.quantity,
    priceId: line.priceId ?? null,
    productId: line.productId ?? null,
    periodStart: line.period?.startMs ?? null,
    periodEnd: line.period?.endMs ?? null,
    taxBehavior: line.taxBehavior,
    discountAmount: line.discountAmount,
    netAmount: line.netAmount,
    taxes: line.taxes.map((t) => ({ ...t })),
    totalAmount: line.totalAmount,
  }));
  return { row, lines };
}

/** The customer balance movements of a finalized invoice: credit it used, credit it generated. */
export function creditMovements(input: Pick<FinalizeInvoiceInput, 'livemode' | 'customer' | 'invoice' | 'atMs' | 'ids'>, id: string, number: string): BalanceTransactionRow[] {
  const { livemode, customer, invoice, atMs, ids } = input;
  const movements: BalanceTransactionRow[] = [];
  if (invoice.creditApplied > 0) {
    movements.push({
      id: ids.next('cbtxn'),
      livemode,
      createdAt: atMs,
      customerId: customer.id,
      currency: invoice.currency,
      amount: -invoice.creditApplied,
      type: 'applied_to_invoice',
      invoiceId: id,
      creditNoteId: null,
      description: `Applied to invoice ${number}`,
      dedupeKey: `credit_applied:${id}`,
    });
  }
  if (invoice.creditGenerated > 0) {
    movements.push({
      id: ids.next('cbtxn'),
      livemode,
      createdAt: atMs,
      customerId: customer.id,
      currency: invoice.currency,
      amount: invoice.creditGenerated,
      type: 'applied_to_invoice',
      invoiceId: id,
      creditNoteId: null,
      description: `Credit from invoice ${number}`,
      dedupeKey: `credit_generated:${id}`,
    });
  }
  return movements;
}

/**
 * Finalizes an engine-built invoice in the caller's transaction: number from the per-mode
 * sequence, the invoice and its lines with frozen customer and seller details, balanced ledger
 * entries, customer balance movements, and the `invoice.finalized` event (plus `invoice.paid`
 * when nothing is due). Idempotent by `dedupeKey`.
 *
 * Paying it is {@link payInvoice}'s job (outside the transaction: gateways are slow).
 */
export async function finalizeInvoice(tx: Executor, input: FinalizeInvoiceInput): Promise<FinalizedInvoice> {
  const { livemode, customer, invoice, atMs, ids } = input;
  if (input.dedupeKey !== undefined) {
    const existing = await invoiceRepository.findByDedupeKey(tx, livemode, input.dedupeKey);
    if (existing) {
      const lines = (await invoiceRepository.linesOf(tx, [existing.id])).get(existing.id) ?? [];
      return { invoice: existing, lines, created: false };
    }
  }
  const id = ids.next('in');
  const number = formatInvoiceNumber(await nextSequenceValue(tx, livemode, 'invoice_number'));
  const customerDetails = input.customerDetails ?? customerDetailsOf(customer, await customerTaxIdsOf(tx, customer.id));
  const { row, lines } = finalizedRows(input, id, number, customerDetails);
  await invoiceRepository.insert(tx, row, lines);

  await postJournal(tx, {
    livemode,
    entryKeyPrefix: `invoice.finalized:${id}`,
    legs: finalizationLegs(invoice, customer.id),
    sourceType: 'invoice',
    sourceId: id,
    effectiveAtMs: atMs,
  });
  for (const movement of creditMovements(input, id, number)) await insertBalanceTransaction(tx, movement);

  const paidNow = row.status === 'paid';
  const wire = toInvoice(row, lines);
  await recordEvent(tx, { livemode, type: 'invoice.finalized', data: wire, dedupeKey: `invoice.finalized:${id}`, atMs, id: ids.next('evt') });
  if (paidNow) await recordEvent(tx, { livemode, type: 'invoice.paid', data: wire, dedupeKey: `invoice.paid:${id}`, atMs, id: ids.next('evt') });
  return { invoice: row, lines, created: true };
}
