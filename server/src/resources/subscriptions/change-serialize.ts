import type { SubscriptionChangePreview, SubscriptionChangeResult } from '@abona/api';
import { toIso, type PlanChangePreview } from '@abona/core';
import type { PriceRow } from '../../db/schema.js';
import type { ChangeOutcome } from '../../lifecycle/changes.js';
import { toLineWire, toTaxAmountWire } from '../invoices/serialize.js';
import { toSubscription } from './serialize.js';

export function toChangePreview(preview: PlanChangePreview): SubscriptionChangePreview {
  const invoice = preview.invoice;
  return {
    object: 'subscription_change_preview',
    kind: preview.kind,
    effective: preview.effective,
    effective_at: toIso(preview.effectiveAtMs),
    invoice_now: preview.invoiceNow,
    lines: preview.lines.map(toLineWire),
    total_now: preview.totalNow,
    amount_due_now: preview.amountDueNow,
    invoice: invoice
      ? {
          currency: invoice.currency,
          lines: invoice.lines.map(toLineWire),
          subtotal: invoice.subtotal,
          total_discount: invoice.totalDiscount,
          tax: invoice.tax,
          total: invoice.total,
          amount_due: invoice.amountDue,
          tax_breakdown: invoice.taxBreakdown.map((t) => toTaxAmountWire(t)),
        }
      : null,
    next_invoice_lines: preview.nextInvoiceLines.map(toLineWire),
  };
}

export function toChangeResult(outcome: ChangeOutcome, prices: ReadonlyMap<string, PriceRow>): SubscriptionChangeResult {
  return {
    object: 'subscription_change',
    status: outcome.status,
    kind: outcome.kind,
    effective: outcome.effective,
    effective_at: toIso(outcome.effectiveAtMs),
    subscription: toSubscription(outcome.row, prices),
    invoice: outcome.invoice?.id ?? null,
    action: outcome.action ? { id: outcome.action.id, client_secret: outcome.action.clientSecret, type: 'three_d_secure' } : null,
    failure: null,
  };
}
