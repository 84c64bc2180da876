import type { InvoicePreview, PreviewLine, PreviewTax } from '@abona/api';
import { toIso, type InvoiceLine, type TaxAmount } from '@abona/core';
import type { InvoicePreviewResult } from './service.js';

function toTax(tax: TaxAmount): PreviewTax {
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

function toLine(line: InvoiceLine): PreviewLine {
  return {
    object: 'line_item',
    kind: line.kind,
    description: line.description,
    amount: line.amount,
    quantity: line.quantity,
    price: line.priceId ?? null,
    product: line.productId ?? null,
    period: line.period ? { start: toIso(line.period.startMs), end: toIso(line.period.endMs) } : null,
    tax_behavior: line.taxBehavior,
    discount_amount: line.discountAmount,
    net_amount: line.netAmount,
    taxes: line.taxes.map(toTax),
    total_amount: line.totalAmount,
  };
}

/** A previewed invoice as the API shows it. */
export function toInvoicePreview(result: InvoicePreviewResult, livemode: boolean): InvoicePreview {
  const { invoice, planChange } = result;
  return {
    object: 'invoice_preview',
    livemode,
    currency: invoice.currency,
    customer: result.customerId,
    subscription: result.subscriptionId,
    at: toIso(result.atMs),
    lines: invoice.lines.map(toLine),
    subtotal: invoice.subtotal,
    total_discount: invoice.totalDiscount,
    total_excluding_tax: invoice.totalExcludingTax,
    tax: invoice.tax,
    total: invoice.total,
    credit_applied: invoice.creditApplied,
    amount_due: invoice.amountDue,
    tax_breakdown: invoice.taxBreakdown.map(toTax),
    discounts: result.discounts.map((d) => ({ coupon: d.couponId, promotion_code: d.promotionCodeId })),
    notes: invoice.notes,
    reverse_charge: invoice.reverseCharge,
    plan_change: planChange
      ? {
          kind: planChange.kind,
          effective: planChange.effective,
          effective_at: toIso(planChange.effectiveAtMs),
          invoice_now: planChange.invoiceNow,
          amount_due_now: planChange.amountDueNow,
        }
      : null,
  };
}
