import { formatMoney } from '@abona/core';
import { InvariantBroken } from '../errors/index.js';
import type { InvoiceLineRow, InvoiceRow } from '../resources/invoices/repository.js';

/** One row of a section: its cells left to right (label first, amounts last). */
export interface DocumentRow {
  cells: string[];
  /** Printed in bold: totals and what is still to pay. */
  strong?: boolean;
}

/** A titled block of the document; `columns` are the headings of a table, when it is one. */
export interface DocumentSection {
  kind: 'seller' | 'customer' | 'facts' | 'lines' | 'totals' | 'credit_notes' | 'notes';
  title: string;
  columns?: string[];
  rows: DocumentRow[];
}

/** An invoice as text, ready for a renderer: nothing here knows about pages or fonts. */
export interface InvoiceDocument {
  title: string;
  sections: DocumentSection[];
}

/** A credit note against the invoice, as printed under it. */
export interface CreditNoteSummary {
  number: string;
  createdAtMs: number;
  total: number;
  reason: string | null;
}

interface SellerJson {
  name?: string;
  email?: string;
  address?: Record<string, unknown>;
  tax_ids?: { value?: string; country?: string; type?: string }[];
}

/** Intl's "15 Jan 2025", in UTC (an invoice's dates are calendar days, not the reader's time). */
function dayOf(ms: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(ms);
}

function addressRows(address: Record<string, unknown> | undefined): DocumentRow[] {
  if (!address) return [];
  const text = (key: string): string => (typeof address[key] === 'string' ? (address[key] as string) : '');
  const cityLine = [text('postalCode') || text('postal_code'), text('city')].filter(Boolean).join(' ');
  return [text('line1'), text('line2'), cityLine, text('state'), text('country')].filter((p) => p !== '').map((p) => ({ cells: [p] }));
}

/**
 * The text of an invoice PDF, section by section: seller and customer (name, address, tax id),
 * number and dates, each line (description, period, quantity, amount), then discount, subtotal,
 * each tax with its label and rate, total, paid and remaining, credit notes and notes. Money is
 * formatted by `Intl` in the invoice currency. Pure: the same invoice always gives the same rows.
 *
 * @throws InvariantBroken for a draft (it has no number yet, so no PDF) or lines that
 * do not sum to the subtotal.
 */
export function invoiceDocument(
  invoice: InvoiceRow,
  lines: readonly InvoiceLineRow[],
  options: { locale?: string; creditNotes?: readonly CreditNoteSummary[] } = {},
): InvoiceDocument {
  const locale = options.locale ?? 'en-GB';
  if (invoice.number === null || invoice.status === 'draft') throw new InvariantBroken(`invoice ${invoice.id} is a draft: it has no number and no PDF`);
  const lineSum = lines.reduce((sum, line) => sum + line.amount, 0);
  if (lines.length > 0 && lineSum !== invoice.subtotal) throw new InvariantBroken(`invoice ${invoice.id}: lines sum to ${lineSum}, subtotal is ${invoice.subtotal}`);
  const money = (minor: number) => formatMoney(minor, invoice.currency, locale);
  const day = (ms: number) => dayOf(ms, locale);
  const seller = invoice.sellerDetails as SellerJson;
  const customer = invoice.customerDetails;

  const sellerIds = [...new Set((seller.tax_ids ?? []).map((t) => t.value).filter((v): v is string => Boolean(v)))];
  const sellerRows: DocumentRow[] = [
    { cells: [seller.name ?? ''], strong: true },
    ...addressRows(seller.address),
    ...sellerIds.map((id) => ({ cells: [`VAT ID: ${id}`] })),
    ...(seller.email ? [{ cells: [seller.email] }] : []),
  ];
  const customerName = customer.businessName ?? customer.name ?? customer.email ?? '';
  const customerRows: DocumentRow[] = [
    { cells: [customerName], strong: true },
    ...(customer.email && customer.email !== customerName ? [{ cells: [customer.email] }] : []),
    ...addressRows(customer.address as Record<string, unknown>),
    ...(customer.taxId ? [{ cells: [`Tax ID: ${customer.taxId.value}`] }] : []),
  ];

  const facts: DocumentRow[] = [
    { cells: ['Invoice number', invoice.number] },
    { cells: ['Date of issue', day(invoice.finalizedAt ?? invoice.createdAt)] },
    ...(invoice.dueAt !== null ? [{ cells: ['Date due', day(invoice.dueAt)] }] : []),
    ...(invoice.periodStart !== null && invoice.periodEnd !== null ? [{ cells: ['Service period', `${day(invoice.periodStart)} – ${day(invoice.periodEnd)}`] }] : []),
    ...(invoice.paidAt !== null ? [{ cells: ['Paid on', day(invoice.paidAt)] }] : []),
  ];

  const lineRows: DocumentRow[] = lines.map((line) => ({
    cells: [
      line.description,
      line.periodStart !== null && line.periodEnd !== null ? `${day(line.periodStart)} – ${day(line.periodEnd)}` : '',
      String(line.quantity),
      money(line.amount),
    ],
  }));

  const totals: DocumentRow[] = [
    { cells: ['Subtotal', money(invoice.subtotal)] },
    ...(invoice.totalDiscount > 0 ? [{ cells: ['Discount', money(-invoice.totalDiscount)] }] : []),
    { cells: ['Total excluding tax', money(invoice.totalExcludingTax)] },
    ...invoice.taxBreakdown.map((tax) => ({ cells: [`${tax.label} (${tax.ratePercent}% of ${money(tax.taxableAmount)})`, money(tax.amount)] })),
    { cells: ['Total', money(invoice.total)], strong: true },
    ...(invoice.creditApplied > 0 ? [{ cells: ['Credit applied', money(-invoice.creditApplied)] }] : []),
    { cells: ['Amount paid', money(invoice.amountPaid)] },
    { cells: ['Amount remaining', money(invoice.amountRemaining)], strong: true },
  ];

  const notes = [
    ...(invoice.reverseCharge ? ['Reverse charge: the customer accounts for the VAT (Article 196, Council Directive 2006/112/EC).'] : []),
    ...invoice.notes,
    ...(invoice.status === 'void' ? ['This invoice was voided.'] : []),
    ...(invoice.status === 'uncollectible' ? ['This invoice was marked uncollectible.'] : []),
  ];

  const sections: DocumentSection[] = [
    { kind: 'seller', title: 'From', rows: sellerRows },
    { kind: 'customer', title: 'Bill to', rows: customerRows },
    { kind: 'facts', title: 'Details', rows: facts },
    { kind: 'lines', title: 'Items', columns: ['Description', 'Period', 'Qty', 'Amount'], rows: lineRows },
    { kind: 'totals', title: 'Summary', rows: totals },
  ];
  const creditNotes = options.creditNotes ?? [];
  if (creditNotes.length > 0) {
    sections.push({
      kind: 'credit_notes',
      title: 'Credit notes',
      columns: ['Number', 'Date', 'Reason', 'Amount'],
      rows: creditNotes.map((note) => ({ cells: [note.number, day(note.createdAtMs), note.reason ?? '', money(-note.total)] })),
    });
  }
  if (notes.length > 0) sections.push({ kind: 'notes', title: 'Notes', rows: notes.map((n) => ({ cells: [n] })) });
  return { title: `Invoice ${invoice.number}`, sections };
}
