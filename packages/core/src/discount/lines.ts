import type { Coupon } from '../catalog/index.js';
import { InvalidInputError } from '../errors/index.js';
import { Decimal, allocate, assertMinor, isCurrencyCode, isDecimalString, roundMinor, type CurrencyCode } from '../money/index.js';

/** What a discount sees of an invoice line. */
export interface DiscountableLine {
  /** Integer minor units; negative for credits, which are never discounted. */
  amount: number;
  productId?: string;
}

/** Throws {@link InvalidInputError} unless the coupon states exactly one valid percent-off or amount-off. */
export function validateCouponValue(coupon: Coupon, param = 'coupon'): void {
  const hasPercent = coupon.percentOff !== undefined;
  const hasAmount = coupon.amountOff !== undefined;
  if (hasPercent === hasAmount) throw new InvalidInputError(`${param} needs exactly one of percentOff and amountOff`, `${param}.percentOff`);
  if (hasPercent) {
    const p = coupon.percentOff!;
    if (typeof p !== 'string' || !isDecimalString(p) || new Decimal(p).lte(0) || new Decimal(p).gt(100)) {
      throw new InvalidInputError(`${param}.percentOff must be a decimal string above 0 and at most 100`, `${param}.percentOff`);
    }
  } else {
    for (const [code, amount] of Object.entries(coupon.amountOff!)) {
      if (!isCurrencyCode(code)) throw new InvalidInputError(`${param}.amountOff has an unknown currency ${code}`, `${param}.amountOff`);
      if (!Number.isSafeInteger(amount) || amount! < 0) {
        throw new InvalidInputError(`${param}.amountOff.${code} must be a non-negative integer`, `${param}.amountOff.${code}`);
      }
    }
  }
  if (coupon.appliesToProductIds !== undefined && !Array.isArray(coupon.appliesToProductIds)) {
    throw new InvalidInputError(`${param}.appliesToProductIds must be a list`, `${param}.appliesToProductIds`);
  }
}

function eligible(coupon: Coupon, line: DiscountableLine): boolean {
  const only = coupon.appliesToProductIds;
  return only === undefined || (line.productId !== undefined && only.includes(line.productId));
}

/**
 * The discount of each line (integer minor units, ≥ 0, same order as `lines`) when `coupons`
 * are applied one after the other, each on what the previous ones left:
 * - a coupon applies to the positive lines of its products (all positive lines when
 *   unrestricted); credit lines are never discounted;
 * - percent-off is taken on the eligible subtotal, rounded once, then allocated over the
 *   eligible lines by largest remainder (weights = what is left of each line), so the parts
 *   sum exactly;
 * - amount-off is taken in `currency` only (a coupon without that currency does not apply),
 *   capped at the eligible subtotal, and allocated the same way.
 * Since each allocation is at most the sum of its weights, no line is discounted below 0.
 *
 * @example discountLines([{ amount: 1000 }, { amount: 500 }], [{ id: 'c', percentOff: '10', duration: 'forever' }], 'EUR') // [100, 50]
 */
export function discountLines(lines: readonly DiscountableLine[], coupons: readonly Coupon[], currency: CurrencyCode): number[] {
  if (!isCurrencyCode(currency)) throw new InvalidInputError(`Unknown currency ${String(currency)}`, 'currency');
  lines.forEach((l, i) => assertMinor(l.amount, `lines[${i}].amount`));
  coupons.forEach((c, i) => validateCouponValue(c, `coupons[${i}]`));

  const discounts = lines.map(() => 0);
  for (const coupon of coupons) {
    const indexes = lines.flatMap((line, i) => (line.amount > 0 && eligible(coupon, line) ? [i] : []));
    const left = indexes.map((i) => lines[i]!.amount - discounts[i]!);
    const subtotal = left.reduce((a, b) => a + b, 0);
    if (subtotal <= 0) continue;
    let off: number;
    if (coupon.percentOff !== undefined) {
      off = roundMinor(new Decimal(subtotal).times(coupon.percentOff).div(100));
    } else {
      const amountOff = coupon.amountOff?.[currency];
      if (amountOff === undefined) continue;
      off = Math.min(amountOff, subtotal);
    }
    allocate(off, left).forEach((part, k) => {
      discounts[indexes[k]!]! += part;
    });
  }
  return discounts;
}
