import type { CreditNoteWire } from '@abona/api';
import { toIso } from '@abona/core';
import { toTaxAmountWire } from '../invoices/serialize.js';
import type { CreditNoteRow } from './repository.js';

/** How the lifecycle stores a credited part of an invoice line. */
interface StoredLine {
  invoice_line: string;
  net_amount: number;
}

/** A credit note as the API shows it. */
export function toCreditNote(row: CreditNoteRow): CreditNoteWire {
  return {
    id: row.id,
    object: 'credit_note',
    number: row.number,
    invoice: row.invoiceId,
    customer: row.customerId,
    currency: row.currency,
    reason: row.reason,
    subtotal: row.subtotal,
    tax: row.tax,
    total: row.total,
    credit_amount: row.creditAmount,
    refund_amount: row.refundAmount,
    lines: (row.lines as StoredLine[]).map((line) => ({ invoice_line: line.invoice_line, net_amount: line.net_amount })),
    tax_breakdown: row.taxBreakdown.map(toTaxAmountWire),
    memo: row.memo,
    livemode: row.livemode,
    created: toIso(row.createdAt),
  };
}
