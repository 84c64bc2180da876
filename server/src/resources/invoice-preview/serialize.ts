import type { InvoicePreview, PreviewLine } from '@abona/api';
import { toIso, type InvoiceLine } from '@abona/core';
import { toLineWire, toTaxAmountWire } from '../invoices/serialize.js';
import type { InvoicePreviewResult } from './service.js';

/** A line as the invoice shows it (invoices/serialize.ts), marked as a line item like stored invoices' lines. */
function toLine(line: InvoiceLine): PreviewLine {
  return { object: 'line_item', ...toLineWire(line), kind: line.kind };
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
    tax_breakdown: invoice.taxBreakdown.map(toTaxAmountWire),
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
