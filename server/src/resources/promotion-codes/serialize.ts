import type { PromotionCode } from '@abona/api';
import { toIso } from '@abona/core';
import type { CouponRow, PromotionCodeRow } from '../../db/schema.js';
import { toCoupon } from '../coupons/serialize.js';

/** A promotion code with its coupon, as services hand it to routes. */
export interface PromotionCodeView {
  code: PromotionCodeRow;
  coupon: CouponRow;
}

/** A promotion code as the API shows it, its coupon embedded (as Stripe does). */
export function toPromotionCode(view: PromotionCodeView, nowMs: number): PromotionCode {
  const { code: row, coupon } = view;
  return {
    id: row.id,
    object: 'promotion_code',
    code: row.code,
    coupon: toCoupon(coupon, nowMs),
    active: row.active,
    customer: row.customerId,
    expires_at: row.expiresAt === null ? null : toIso(row.expiresAt),
    max_redemptions: row.maxRedemptions,
    times_redeemed: row.timesRedeemed,
    restrictions: {
      first_time_transaction: row.firstTimeTransaction,
      minimum_amount: row.minimumAmount,
      minimum_amount_currency: row.minimumAmountCurrency,
    },
    metadata: row.metadata,
    livemode: row.livemode,
    created: toIso(row.createdAt),
  };
}
