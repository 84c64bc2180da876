import type { Discount, Subscription as CoreSubscription, SubscriptionItem } from '@abona/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { coupons, prices, type CouponRow, type PriceRow } from '../../db/schema.js';
import { InvariantBroken } from '../../errors/index.js';
import { toCoreCoupon } from '../coupons/service.js';
import { toCorePrice } from '../prices/to-core.js';
import type { SubscriptionRow } from './repository.js';

/**
 * The row's columns that mirror the engine's subscription. Everything else on the row (default
 * payment method, latest invoice, scheduler hints) is the server's own bookkeeping.
 */
export function rowFieldsFromCore(
  sub: CoreSubscription,
): Pick<
  SubscriptionRow,
  | 'status'
  | 'items'
  | 'anchorMs'
  | 'timeZone'
  | 'currentPeriodStart'
  | 'currentPeriodEnd'
  | 'trialEnd'
  | 'cancelAtPeriodEnd'
  | 'canceledAt'
  | 'endedAt'
  | 'cancellation'
  | 'pauseResumesAt'
  | 'scheduledChange'
  | 'discounts'
  | 'version'
> {
  return {
    status: sub.status,
    items: sub.items.map((item) => ({ priceId: item.priceId, quantity: item.quantity })),
    anchorMs: sub.anchorMs,
    timeZone: sub.timeZone,
    currentPeriodStart: sub.currentPeriod.startMs,
    currentPeriodEnd: sub.currentPeriod.endMs,
    trialEnd: sub.trialEndMs ?? null,
    cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
    canceledAt: sub.canceledAtMs ?? null,
    endedAt: sub.endedAtMs ?? null,
    cancellation: sub.cancellation ? { ...sub.cancellation } : null,
    pauseResumesAt: sub.pauseCollection?.resumesAtMs ?? null,
    scheduledChange: sub.scheduledChange
      ? {
          items: sub.scheduledChange.items.map((item) => ({
            priceId: item.priceId,
            quantity: item.quantity,
          })),
          effectiveAtMs: sub.scheduledChange.effectiveAtMs,
        }
      : null,
    discounts: sub.discounts.map((d) => ({ couponId: d.coupon.id, startMs: d.startMs })),
    version: sub.version,
  };
}

/** The price rows a subscription refers to (items and scheduled change), by id. */
export async function pricesOf(
  ex: Executor,
  livemode: boolean,
  rows: readonly SubscriptionRow[],
): Promise<Map<string, PriceRow>> {
  const ids = new Set<string>();
  for (const row of rows) {
    for (const item of row.items) ids.add(item.priceId);
    for (const item of row.scheduledChange?.items ?? []) ids.add(item.priceId);
  }
  if (ids.size === 0) return new Map();
  const found = await ex
    .select()
    .from(prices)
    .where(and(eq(prices.livemode, livemode), inArray(prices.id, [...ids])));
  return new Map(found.map((row) => [row.id, row]));
}

/**
 * The engine's view of a stored subscription, with its prices and coupons loaded, so lifecycle
 * code can hand it to `transition`, `nextCycle`, `previewPlanChange`…
 */
export async function loadCoreSubscription(ex: Executor, row: SubscriptionRow): Promise<CoreSubscription> {
  const priceRows = await pricesOf(ex, row.livemode, [row]);
  const couponIds = row.discounts.map((d) => d.couponId);
  const couponRows =
    couponIds.length === 0
      ? []
      : await ex
          .select()
          .from(coupons)
          .where(and(eq(coupons.livemode, row.livemode), inArray(coupons.id, couponIds)));
  return coreOf(row, priceRows, new Map(couponRows.map((c) => [c.id, c])));
}

/**
 * The engine's view of a stored subscription from prices and coupons already loaded (one
 * subscription's, or a whole billing batch's).
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
