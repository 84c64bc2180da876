import type { InvoiceLineWire, InvoiceWire, TaxAmountWire } from '@abona/api';
import { toIso, type InvoiceLine, type InvoiceLineDraft } from '@abona/core';
import type { TaxAmountJson } from '../../db/schema.js';
import type { InvoiceLineRow, InvoiceRow } from './repository.js';

const iso = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined ? null : toIso(ms);

export function toTaxAmountWire(tax: TaxAmountJson): TaxAmountWire {
  return {
    amount: tax.amount,
    taxable_amount: tax.taxableAmount,
    rate_percent: tax.ratePercent,
    type: tax.type,
    label: tax.label,
    jurisdiction: tax.jurisdiction,
    inclusive: tax.inclusive,
    reverse_charge: tax.reverseCharge === true,
  };
}

/** A line as the engine made it: drafts (no discount or tax yet) and built lines alike. */
export function toLineWire(line: InvoiceLineDraft | InvoiceLine): InvoiceLineWire {
  const built = 'netAmount' in line ? line : undefined;
  return {
    kind: line.kind,
    description: line.description,
    amount: line.amount,
    quantity: line.quantity,
    price: line.priceId ?? null,
    product: line.productId ?? null,
    period: line.period ? { start: toIso(line.period.startMs), end: toIso(line.period.endMs) } : null,
    tax_behavior: line.taxBehavior,
    discount_amount: built?.discountAmount ?? 0,
    net_amount: built?.netAmount ?? line.amount,
    taxes: (built?.taxes ?? []).map((t) => toTaxAmountWire(t)),
    total_amount: built?.totalAmount ?? line.amount,
  };
}

export function toInvoiceLineWire(row: InvoiceLineRow): InvoiceLineWire {
  return {
    id: row.id,
    object: 'line_item',
    kind: row.kind,
    description: row.description,
    amount: row.amount,
    quantity: row.quantity,
    price: row.priceId,
    product: row.productId,
    period:
      row.periodStart !== null && row.periodEnd !== null
        ? { start: toIso(row.periodStart), end: toIso(row.periodEnd) }
        : null,
    tax_behavior: row.taxBehavior,
    discount_amount: row.discountAmount,
    net_amount: row.netAmount,
    taxes: row.taxes.map(toTaxAmountWire),
    total_amount: row.totalAmount,
  };
}

/** An invoice with its lines, as the API shows it. */
export function toInvoice(row: InvoiceRow, lines: readonly InvoiceLineRow[]): InvoiceWire {
  return {
    id: row.id,
    object: 'invoice',
    number: row.number,
    customer: row.customerId,
    subscription: row.subscriptionId,
    status: row.status,
    billing_reason: row.billingReason,
    currency: row.currency,
    period_start: iso(row.periodStart),
    period_end: iso(row.periodEnd),
    subtotal: row.subtotal,
    total_discount: row.totalDiscount,
    total_excluding_tax: row.totalExcludingTax,
    tax: row.tax,
    total: row.total,
    credit_applied: row.creditApplied,
    amount_due: row.amountDue,
    amount_paid: row.amountPaid,
    amount_remaining: row.amountRemaining,
    tax_breakdown: row.taxBreakdown.map(toTaxAmountWire),
    reverse_charge: row.reverseCharge,
    notes: row.notes,
    customer_details: row.customerDetails as unknown as Record<string, unknown>,
    seller_details: row.sellerDetails,
    lines: { object: 'list', data: lines.map(toInvoiceLineWire), has_more: false },
    attempt_count: row.attemptCount,
    finalized_at: iso(row.finalizedAt),
    paid_at: iso(row.paidAt),
    due_date: iso(row.dueAt),
    metadata: row.metadata,
    livemode: row.livemode,
    created: toIso(row.createdAt),
  };
}
