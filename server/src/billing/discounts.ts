import type { Discount } from '@abona/core';
import type { CouponRow, PromotionCodeRow } from '../db/schema.js';
import { InvalidRequest } from '../errors/index.js';
import type { Repositories } from '../services.js';
import { toCoreCoupon } from '../resources/coupons/service.js';

/** A coupon chosen for a purchase, directly or through a promotion code. */
export interface AppliedDiscount {
  coupon: CouponRow;
  promotionCode: PromotionCodeRow | null;
}

/** Checks a coupon can be redeemed now in `currency`; `param` names the input at fault. */
export function checkCoupon(coupon: CouponRow, currency: string, atMs: number, param: string): void {
  if (coupon.deletedAt !== null) throw new InvalidRequest('This coupon is no longer valid', param, 'coupon_invalid');
  if (coupon.redeemBy !== null && coupon.redeemBy <= atMs) throw new InvalidRequest('This coupon has expired', param, 'coupon_expired');
  if (coupon.maxRedemptions !== null && coupon.timesRedeemed >= coupon.maxRedemptions) {
    throw new InvalidRequest('This coupon has been fully redeemed', param, 'coupon_redeemed');
  }
  if (coupon.amountOff !== null && coupon.currency !== currency && coupon.currencyOptions[currency] === undefined) {
    throw new InvalidRequest(`This coupon does not apply to ${currency} purchases`, param, 'coupon_currency');
  }
}

/**
 * The promotion code a customer typed, with its coupon, checked for a purchase in `currency`
 * at `atMs`: it exists (case-insensitively), is active, not expired, not used up, and its coupon
 * is redeemable. Customer-specific checks wait for {@link checkPromotionForCustomer}.
 */
export async function findPromotion(repos: Pick<Repositories, 'promotionCodes' | 'coupons'>, livemode: boolean, code: string, currency: string, atMs: number, param = 'promotion_code'): Promise<AppliedDiscount> {
  const promo = await repos.promotionCodes.findByCode(livemode, code);
  if (!promo || !promo.active) throw new InvalidRequest(`The promotion code '${code}' is not valid`, param, 'promotion_code_invalid');
  if (promo.expiresAt !== null && promo.expiresAt <= atMs) throw new InvalidRequest(`The promotion code '${code}' has expired`, param, 'promotion_code_expired');
  if (promo.maxRedemptions !== null && promo.timesRedeemed >= promo.maxRedemptions) {
    throw new InvalidRequest(`The promotion code '${code}' has been fully redeemed`, param, 'promotion_code_redeemed');
  }
  const coupon = await repos.coupons.find(livemode, promo.couponId);
  if (!coupon) throw new InvalidRequest(`The promotion code '${code}' is not valid`, param, 'promotion_code_invalid');
  checkCoupon(coupon, currency, atMs, param);
  return { coupon, promotionCode: promo };
}

/** The minimum-amount restriction, against the purchase's subtotal. */
export function checkPromotionMinimum(applied: AppliedDiscount, currency: string, subtotal: number, param = 'promotion_code'): void {
  const promo = applied.promotionCode;
  if (!promo || promo.minimumAmount === null) return;
  if (promo.minimumAmountCurrency !== currency || subtotal < promo.minimumAmount) {
    throw new InvalidRequest(`The promotion code '${promo.code}' needs a purchase of at least ${promo.minimumAmount} ${promo.minimumAmountCurrency ?? ''}`.trim(), param, 'promotion_code_minimum');
  }
}

/** Restrictions that depend on who buys: a code for one customer, or for first purchases only. */
export function checkPromotionForCustomer(applied: AppliedDiscount, customerId: string | null, hasPaidBefore: boolean, param = 'promotion_code'): void {
  const promo = applied.promotionCode;
  if (!promo) return;
  if (promo.customerId !== null && promo.customerId !== customerId) {
    throw new InvalidRequest(`The promotion code '${promo.code}' is not valid for this customer`, param, 'promotion_code_invalid');
  }
  if (promo.firstTimeTransaction && hasPaidBefore) {
    throw new InvalidRequest(`The promotion code '${promo.code}' is for first purchases only`, param, 'promotion_code_invalid');
  }
}

/** The engine's discount for a coupon starting at `startMs`. */
export function toDiscount(coupon: CouponRow, startMs: number): Discount {
  return { coupon: toCoreCoupon(coupon), startMs };
}
