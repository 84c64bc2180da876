import type { SubscriptionWire } from '@abona/api';
import { toIso } from '@abona/core';
import type { PriceRow } from '../../db/schema.js';
import { InvariantBroken } from '../../errors/index.js';
import type { SubscriptionRow } from './repository.js';

const iso = (ms: number | null): string | null => (ms === null ? null : toIso(ms));

/** A subscription as the API shows it (Stripe-shaped); `prices` must hold every item's price. */
export function toSubscription(
  row: SubscriptionRow,
  prices: ReadonlyMap<string, PriceRow>,
): SubscriptionWire {
  const discounts = row.discounts.map((d) => ({ coupon: d.couponId, start: toIso(d.startMs) }));
  return {
    id: row.id,
    object: 'subscription',
    customer: row.customerId,
    status: row.status,
    currency: row.currency,
    items: {
      object: 'list',
      data: row.items.map((item) => {
        const price = prices.get(item.priceId);
        if (!price) throw new InvariantBroken(`subscription ${row.id}: price ${item.priceId} not loaded`);
        const option = price.currency === row.currency ? null : price.currencyOptions[row.currency];
        return {
          price: {
            id: price.id,
            product: price.productId,
            unit_amount: option ? option.unitAmount : price.unitAmount,
            currency: row.currency,
            recurring: price.recurringInterval
              ? { interval: price.recurringInterval, interval_count: price.recurringIntervalCount ?? 1 }
              : null,
          },
          quantity: item.quantity,
        };
      }),
    },
    current_period_start: toIso(row.currentPeriodStart),
    current_period_end: toIso(row.currentPeriodEnd),
    billing_cycle_anchor: toIso(row.anchorMs),
    trial_start: iso(row.trialStart),
    trial_end: iso(row.trialEnd),
    cancel_at_period_end: row.cancelAtPeriodEnd,
    canceled_at: iso(row.canceledAt),
    ended_at: iso(row.endedAt),
    default_payment_method: row.defaultPaymentMethodId,
    latest_invoice: row.latestInvoiceId,
    discount: discounts[0] ?? null,
    discounts,
    metadata: row.metadata,
    livemode: row.livemode,
    created: toIso(row.createdAt),
    version: row.version,
    scheduled_change: row.scheduledChange ? { items: row.scheduledChange.items.map((i) => ({ price: i.priceId, quantity: i.quantity })), effective_at: toIso(row.scheduledChange.effectiveAtMs) } : null,
    pause_collection: row.status === 'paused' ? { resumes_at: iso(row.pauseResumesAt) } : null,
    cancellation_details: row.cancellation ? { reason: row.cancellation.reason, feedback: row.cancellation.feedback ?? null, comment: row.cancellation.comment ?? null } : null,
  };
}
