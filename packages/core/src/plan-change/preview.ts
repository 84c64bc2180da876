import { buildInvoice } from '../invoice/index.js';
import { nextCycle, itemsCurrency } from '../subscription/index.js';
import { applyPlanChange } from './apply.js';
import { periodLines } from './lines.js';
import type { PlanChangePreview, PlanChangePreviewInput } from './types.js';

/**
 * What a plan change would do, without doing it: its kind and timing, the exact lines
 * applying it creates, what is due now, the next renewal invoice's lines and the resulting
 * subscription. Pure, so a portal can call it on every click.
 *
 * @example previewPlanChange({ subscription, newItems: [enterprise], atMs })
 *   // { effective: 'now', lines: [−435 Pro, +1485 Enterprise], nextInvoiceLines: [−435, +1485, 9900], … }
 */
export function previewPlanChange(input: PlanChangePreviewInput): PlanChangePreview {
  const change = applyPlanChange(input);
  const result = change.subscription;
  const totalNow = change.invoiceNow ? change.lines.reduce((sum, l) => sum + l.amount, 0) : 0;
  const pending = change.invoiceNow ? [] : change.lines;
  const ctx = {
    timeZone: result.timeZone,
    products: input.products ?? [],
    defaultTaxBehavior: input.defaultTaxBehavior ?? 'exclusive',
  } as const;
  // A subscription set to cancel has no renewal: only its waiting prorations remain to bill.
  const renewal = result.cancelAtPeriodEnd ? [] : periodLinesOfNextCycle();
  const invoice =
    input.tax && change.invoiceNow
      ? buildInvoice(
          { currency: itemsCurrency(result.items), lines: change.lines, discounts: [...result.discounts], atMs: input.atMs },
          input.tax,
        )
      : undefined;
  return {
    kind: change.kind,
    effective: change.effective,
    effectiveAtMs: change.effectiveAtMs,
    lines: change.lines,
    invoiceNow: change.invoiceNow,
    totalNow,
    amountDueNow: invoice ? invoice.amountDue : Math.max(totalNow, 0),
    ...(invoice ? { invoice } : {}),
    nextInvoiceLines: [...pending, ...renewal],
    resultingSubscription: result,
  };

  function periodLinesOfNextCycle() {
    const next = nextCycle(result);
    return periodLines(next.items, next.period, ctx);
  }
}
