import type { Coupon } from '../catalog/index.js';
import { InvalidInputError } from '../errors/index.js';
import { Decimal, allocate, assertMinor, isCurrencyCode, roundMinor, type CurrencyCode } from '../money/index.js';
import { parsePercentOff, percentOfMinor } from './percent.js';

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
    if (typeof p !== 'string' || parsePercentOff(p) === null) {
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
  for (let i = 0; i < lines.length; i++) {
    if (!Number.isSafeInteger(lines[i]!.amount)) assertMinor(lines[i]!.amount, `lines[${i}].amount`);
  }
  for (let i = 0; i < coupons.length; i++) validateCouponValue(coupons[i]!, `coupons[${i}]`);

  const discounts: number[] = [];
  for (let i = 0; i < lines.length; i++) discounts.push(0);
  for (const coupon of coupons) {
    const indexes: number[] = [];
    const left: number[] = [];
    let subtotal = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.amount > 0 && eligible(coupon, line)) {
        indexes.push(i);
        left.push(line.amount - discounts[i]!);
        subtotal += line.amount - discounts[i]!;
      }
    }
    if (subtotal <= 0) continue;
    let off: number;
    if (coupon.percentOff !== undefined) {
      // Exact either way: subtotal × p / 100 has at most 22 decimals, far within Decimal's 40.
      off = Number.isSafeInteger(subtotal)
        ? percentOfMinor(subtotal, parsePercentOff(coupon.percentOff)!)
        : roundMinor(new Decimal(subtotal).times(coupon.percentOff).div(100));
    } else {
      const amountOff = coupon.amountOff?.[currency];
      if (amountOff === undefined) continue;
      off = Math.min(amountOff, subtotal);
    }
    const parts = allocate(off, left);
    for (let k = 0; k < parts.length; k++) discounts[indexes[k]!]! += parts[k]!;
  }
  return discounts;
}
