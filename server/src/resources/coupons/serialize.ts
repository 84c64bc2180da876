import type { Coupon } from '@abona/api';
import { toIso } from '@abona/core';
import type { CouponRow } from '../../db/schema.js';

/** Whether the coupon can still be redeemed at `nowMs`. */
export function isCouponValid(row: CouponRow, nowMs: number): boolean {
  if (row.deletedAt !== null) return false;
  if (row.redeemBy !== null && row.redeemBy <= nowMs) return false;
  if (row.maxRedemptions !== null && row.timesRedeemed >= row.maxRedemptions) return false;
  return true;
}

/** A coupon row as the API shows it; `valid` depends on the time of the request. */
export function toCoupon(row: CouponRow, nowMs: number): Coupon {
  return {
    id: row.id,
    object: 'coupon',
    name: row.name,
    // Stored as a decimal string for the engine; shown as Stripe's number (at most two decimals).
    percent_off: row.percentOff === null ? null : Number(row.percentOff),
    amount_off: row.amountOff,
    currency: row.currency,
    currency_options: Object.fromEntries(Object.entries(row.currencyOptions).map(([currency, amountOff]) => [currency, { amount_off: amountOff }])),
    duration: row.duration,
    duration_in_months: row.durationInMonths,
    applies_to: row.appliesToProducts ? { products: row.appliesToProducts } : null,
    max_redemptions: row.maxRedemptions,
    redeem_by: row.redeemBy === null ? null : toIso(row.redeemBy),
    times_redeemed: row.timesRedeemed,
    valid: isCouponValid(row, nowMs),
    lookup_key: row.lookupKey,
    metadata: row.metadata,
    livemode: row.livemode,
    created: toIso(row.createdAt),
  };
}
