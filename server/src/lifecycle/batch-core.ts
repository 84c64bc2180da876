import type { Discount, Subscription as CoreSubscription, SubscriptionItem } from '@abona/core';
import type { CouponRow, PriceRow } from '../db/schema.js';
import { InvariantBroken } from '../errors/index.js';
import { toCoreCoupon } from '../resources/coupons/service.js';
import { toCorePrice } from '../resources/prices/to-core.js';
import type { SubscriptionRow } from '../resources/subscriptions/repository.js';

/**
 * The engine's view of a stored subscription from prices and coupons a batch loaded once: the
 * same value `loadCoreSubscription` builds with two queries per subscription.
 */
export function coreOf(row: SubscriptionRow, priceRows: ReadonlyMap<string, PriceRow>, couponRows: ReadonlyMap<string, CouponRow>): CoreSubscription {
  const item = (priceId: string, quantity: number): SubscriptionItem => {
    const price = priceRows.get(priceId);
    if (!price) throw new InvariantBroken(`subscription ${row.id} refers to missing price ${priceId}`);
    return { priceId, quantity, price: toCorePrice(price, row.currency) };
  };
  const discounts: Discount[] = row.discounts.map((d) => {
    const coupon = couponRows.get(d.couponId);
    if (!coupon) throw new InvariantBroken(`subscription ${row.id} refers to missing coupon ${d.couponId}`);
    return { coupon: toCoreCoupon(coupon), startMs: d.startMs };
  });
  return {
    id: row.id,
    customerId: row.customerId,
    status: row.status,
    items: row.items.map((i) => item(i.priceId, i.quantity)),
    anchorMs: row.anchorMs,
    timeZone: row.timeZone,
    currentPeriod: { startMs: row.currentPeriodStart, endMs: row.currentPeriodEnd },
    ...(row.trialEnd !== null ? { trialEndMs: row.trialEnd } : {}),
    cancelAtPeriodEnd: row.cancelAtPeriodEnd,
    ...(row.canceledAt !== null ? { canceledAtMs: row.canceledAt } : {}),
    ...(row.endedAt !== null ? { endedAtMs: row.endedAt } : {}),
    ...(row.cancellation ? { cancellation: row.cancellation as CoreSubscription['cancellation'] & object } : {}),
    ...(row.status === 'paused' ? { pauseCollection: row.pauseResumesAt !== null ? { resumesAtMs: row.pauseResumesAt } : {} } : {}),
    ...(row.scheduledChange
      ? {
          scheduledChange: {
            items: row.scheduledChange.items.map((i) => item(i.priceId, i.quantity)),
            effectiveAtMs: row.scheduledChange.effectiveAtMs,
          },
        }
      : {}),
    discounts,
    version: row.version,
  };
}
