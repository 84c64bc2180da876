import type { Coupon, Discount } from '../catalog/index.js';
import { InvalidInputError } from '../errors/index.js';
import { addIntervals, assertInstant } from '../time/index.js';

/** The longest `repeating` duration accepted: ten years of months. */
export const MAX_DURATION_MONTHS = 120;

/** Throws {@link InvalidInputError} unless the coupon's duration fields are consistent. */
export function validateCouponDuration(coupon: Coupon, param = 'coupon'): void {
  if (coupon.duration === 'repeating') {
    const months = coupon.durationInMonths;
    if (months === undefined || !Number.isSafeInteger(months) || months < 1 || months > MAX_DURATION_MONTHS) {
      throw new InvalidInputError(`${param}.durationInMonths must be an integer from 1 to ${MAX_DURATION_MONTHS} for a repeating coupon`, `${param}.durationInMonths`);
    }
  } else if (coupon.duration === 'once' || coupon.duration === 'forever') {
    if (coupon.durationInMonths !== undefined) {
      throw new InvalidInputError(`${param}.durationInMonths is only for repeating coupons`, `${param}.durationInMonths`);
    }
  } else {
    throw new InvalidInputError(`${param}.duration must be once, repeating or forever`, `${param}.duration`);
  }
}

/**
 * When a discount stops applying: `startMs` + `durationInMonths` calendar months (in
 * `timeZone`, month-end clamped) for `repeating`, `null` for `once` and `forever` (a `once`
 * discount ends by being used, not by time).
 */
export function discountEndMs(discount: Discount, timeZone = 'UTC'): number | null {
  assertInstant(discount.startMs, 'startMs');
  validateCouponDuration(discount.coupon);
  if (discount.coupon.duration !== 'repeating') return null;
  return addIntervals(discount.startMs, { unit: 'month', count: 1 }, discount.coupon.durationInMonths!, timeZone);
}

/** Options of {@link isDiscountActive}. */
export interface DiscountActiveOptions {
  /** A `once` discount already taken off an earlier invoice is spent. Default false. */
  alreadyApplied?: boolean;
  /** Where the months of a `repeating` discount are counted. Default UTC. */
  timeZone?: string;
}

/**
 * Whether `discount` applies to an invoice built at `atMs`: never before `startMs`; `once`
 * until it has been applied; `repeating` for `durationInMonths` months from `startMs`
 * (end exclusive: an invoice at exactly the end is not discounted); `forever` always.
 *
 * @example isDiscountActive({ coupon: { id: 'c', percentOff: '20', duration: 'repeating', durationInMonths: 3 }, startMs: jan31 }, apr30) // false
 */
export function isDiscountActive(discount: Discount, atMs: number, options: DiscountActiveOptions = {}): boolean {
  assertInstant(atMs, 'atMs');
  const endMs = discountEndMs(discount, options.timeZone);
  if (atMs < discount.startMs) return false;
  switch (discount.coupon.duration) {
    case 'once':
      return options.alreadyApplied !== true;
    case 'repeating':
      return atMs < endMs!;
    case 'forever':
      return true;
  }
}
