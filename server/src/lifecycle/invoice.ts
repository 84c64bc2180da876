import {
  aggregateUsage,
  buildInvoice,
  linesForItems,
  transition,
  usageLine,
  type Invoice,
  type CurrencyCode,
  type InvoiceLineDraft,
  type Period,
  type Subscription as CoreSubscription,
  type SubscriptionItem,
} from '@abona/core';
import { and, eq, gte, lt } from 'drizzle-orm';
import { customerDetailsOf } from '../billing/details.js';
import { finalizeInvoice } from '../billing/finalize.js';
import { creditBalance, customerTaxIdsOf, markPricesUsed } from '../billing/repository.js';
import type { SellerSettings } from '../billing/seller.js';
import { taxCalculatorFor } from '../billing/tax-context.js';
import type { Executor } from '../db/client.js';
import { usageEvents, type CustomerDetailsJson, type CustomerRow } from '../db/schema.js';
import type { InvoiceRow } from '../resources/invoices/repository.js';
import type { SubscriptionRow } from '../resources/subscriptions/repository.js';
import type { LifecycleDeps, RunCache } from './context.js';

/** Product names of the items, for line descriptions. */
export async function productNamesOf(ex: Executor, cache: RunCache, items: readonly SubscriptionItem[]): Promise<Record<string, string>> {
  const known = await cache.products(ex, items.map((i) => i.price.productId));
  const names: Record<string, string> = {};
  for (const item of items) names[item.price.productId] = known.get(item.price.productId)?.name ?? item.price.productId;
  return names;
}

/** The events of one subscription and metered price in `[period.startMs, period.endMs)`. */
export async function usageOf(ex: Executor, livemode: boolean, subscriptionId: string, priceId: string, period: Period) {
  return ex
    .select({ quantity: usageEvents.quantity, timestampMs: usageEvents.timestamp, value: usageEvents.value })
    .from(usageEvents)
    .where(and(eq(usageEvents.livemode, livemode), eq(usageEvents.subscriptionId, subscriptionId), eq(usageEvents.priceId, priceId), gte(usageEvents.timestamp, period.startMs), lt(usageEvents.timestamp, period.endMs)));
}

/** The aggregated usage quantity of a metered item over a period (core's `aggregateUsage`). */
export async function usageQuantity(ex: Executor, livemode: boolean, subscriptionId: string, item: SubscriptionItem, period: Period): Promise<number> {
  const rows = await usageOf(ex, livemode, subscriptionId, item.priceId, period);
  const events = rows.map((r) => (r.value === null ? { quantity: r.quantity, timestampMs: r.timestampMs } : { quantity: r.quantity, timestampMs: r.timestampMs, value: r.value }));
  return aggregateUsage(events, item.price.recurring?.aggregation ?? 'sum');
}

/** Usage lines in arrears for the metered items of `items` over `period`. */
export async function usageLines(ex: Executor, livemode: boolean, subscriptionId: string, items: readonly SubscriptionItem[], period: Period, productNames: Record<string, string>): Promise<InvoiceLineDraft[]> {
  const lines: InvoiceLineDraft[] = [];
  for (const item of items) {
    if (item.price.recurring?.usageType !== 'metered') continue;
    const quantity = await usageQuantity(ex, livemode, subscriptionId, item, period);
    lines.push(usageLine(item.price, quantity, period, { productNames }));
  }
  return lines;
}

/** Licensed lines in advance for `period`. */
export function advanceLines(items: readonly SubscriptionItem[], period: Period, productNames: Record<string, string>): InvoiceLineDraft[] {
  const licensed = items.filter((i) => i.price.recurring?.usageType === 'licensed');
  return licensed.length === 0 ? [] : linesForItems(licensed, period, { productNames });
}

export interface BillInput {
  row: SubscriptionRow;
  /** The subscription after the step (its discounts apply). */
  core: CoreSubscription;
  customer: CustomerRow;
  lines: InvoiceLineDraft[];
  period: Period;
  billingReason: InvoiceRow['billingReason'];
  dedupeKey: string;
  atMs: number;
  metadata?: Record<string, string>;
}

/** What starts a new billed period: a renewal, a trial ending with a card, a pause ending. */
export type RenewalEvent = 'period_renewed' | 'trial_ended_with_payment_method' | 'resume';

/**
 * The subscription and lines of the invoice a new period starts with, as the billing run makes
 * them: core's `transition` (a scheduled change takes effect here), prorations still pending,
 * licensed lines in advance for the new period, and, on a renewal, usage in arrears of the
 * period that ended (`[currentPeriodStart, currentPeriodEnd)`, as recorded so far).
 */
export async function renewalDraft(ex: Executor, row: SubscriptionRow, core: CoreSubscription, event: RenewalEvent, atMs: number, productNames: Record<string, string>): Promise<{ core: CoreSubscription; lines: InvoiceLineDraft[] }> {
  const ended = { startMs: row.currentPeriodStart, endMs: row.currentPeriodEnd };
  const usage = event === 'period_renewed' ? await usageLines(ex, row.livemode, row.id, core.items, ended, productNames) : [];
  const next = transition(core, event, atMs);
  return { core: next, lines: [...(row.pendingLines as InvoiceLineDraft[]), ...advanceLines(next.items, next.currentPeriod, productNames), ...usage] };
}

/**
 * Prices lines for a subscription invoice with core's `buildInvoice`: the subscription's
 * discounts and spent `once` coupons, the customer's credit, the seller's tax context.
 */
export async function priceSubscriptionInvoice(ex: Executor, cache: RunCache, input: { row: SubscriptionRow; core: CoreSubscription; customer: CustomerRow; lines: InvoiceLineDraft[]; atMs: number }): Promise<{ built: Invoice; details: CustomerDetailsJson; seller: SellerSettings }> {
  const { row, core, customer, atMs } = input;
  const seller = await cache.seller(ex, row.livemode);
  const details = customerDetailsOf(customer, await customerTaxIdsOf(ex, customer.id));
  const built = buildInvoice(
    {
      currency: row.currency as CurrencyCode,
      lines: input.lines,
      discounts: [...core.discounts],
      appliedOnceCouponIds: [...row.appliedOnceCouponIds],
      creditBalance: Math.max(0, await creditBalance(ex, row.livemode, customer.id, row.currency)),
      atMs,
    },
    taxCalculatorFor(seller, details),
  );
  return { built, details, seller };
}

/**
 * Builds (`priceSubscriptionInvoice`) and finalizes one subscription invoice in the caller's
 * transaction. Idempotent by `dedupeKey`. Returns the `once` coupons it spent.
 */
export async function billSubscription(tx: Executor, deps: LifecycleDeps, cache: RunCache, input: BillInput): Promise<{ invoice: InvoiceRow; created: boolean; spentOnce: string[] }> {
  const { row, core, customer, atMs } = input;
  const { built, details, seller } = await priceSubscriptionInvoice(tx, cache, input);
  const { invoice, created } = await finalizeInvoice(tx, {
    livemode: row.livemode,
    customer,
    customerDetails: details,
    subscriptionId: row.id,
    billingReason: input.billingReason,
    dedupeKey: input.dedupeKey,
    invoice: built,
    period: input.period,
    atMs,
    seller,
    ids: deps.ids,
    ...(input.metadata ? { metadata: input.metadata } : {}),
  });
  if (created) {
    await markPricesUsed(
      tx,
      row.livemode,
      input.lines.flatMap((l) => (l.priceId ? [l.priceId] : [])),
      atMs,
    );
  }
  const spentOnce = built.totalDiscount > 0 ? core.discounts.filter((d) => d.coupon.duration === 'once').map((d) => d.coupon.id) : [];
  return { invoice, created, spentOnce };
}
