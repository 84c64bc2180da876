import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Coupon } from '../catalog/index.js';
import { Decimal, allocate, assertMinor, isCurrencyCode, isDecimalString, roundMinor, type CurrencyCode } from '../money/index.js';
import { discountLines, validateCouponValue, type DiscountableLine } from './lines.js';
import { parsePercentOff, percentOfMinor } from './percent.js';

/** The percent-off check as first written, on big.js decimals. */
function referenceIsValidPercent(p: string): boolean {
  return isDecimalString(p) && !new Decimal(p).lte(0) && !new Decimal(p).gt(100);
}

/** `discountLines` as first written: every percent through Decimal. */
function referenceDiscountLines(lines: readonly DiscountableLine[], coupons: readonly Coupon[], currency: CurrencyCode): number[] {
  if (!isCurrencyCode(currency)) throw new Error('currency');
  lines.forEach((l, i) => assertMinor(l.amount, `lines[${i}].amount`));
  coupons.forEach((c, i) => validateCouponValue(c, `coupons[${i}]`));
  const eligible = (coupon: Coupon, line: DiscountableLine): boolean =>
    coupon.appliesToProductIds === undefined || (line.productId !== undefined && coupon.appliesToProductIds.includes(line.productId));
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

const outcome = (run: () => unknown): unknown => {
  try {
    return { ok: run() };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
};

/** Percents as coupons write them, and some they should not: 0, above 100, negative, 20 decimals. */
const percentArb = fc.oneof(
  fc.integer({ min: 1, max: 100 }).map(String),
  fc.stringMatching(/^(100|[1-9]?[0-9])\.[0-9]{1,20}$/),
  fc.stringMatching(/^-?[0-9]{1,4}(\.[0-9]{1,3})?$/),
  fc.constantFrom('0', '0.0', '100', '100.0', '100.00000000000000000001', '99.99999999999999999999', '1e2', '-0', '00020', '.5'),
);

describe('percent-off parsing', () => {
  it('accepts exactly the percents the Decimal check accepted (property)', () => {
    fc.assert(
      fc.property(percentArb, (p) => {
        expect(parsePercentOff(p) !== null).toBe(referenceIsValidPercent(p));
      }),
    );
  });

  it('takes a percent of an amount exactly as Decimal does, in numbers and past 2^53 (property)', () => {
    const amountArb = fc.oneof(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }));
    fc.assert(
      fc.property(amountArb, percentArb, (amount, p) => {
        const percent = parsePercentOff(p);
        if (percent === null) return;
        expect(percentOfMinor(amount, percent)).toBe(roundMinor(new Decimal(amount).times(p).div(100)));
      }),
    );
  });

  it('rounds half up on the whole amount', () => {
    expect(percentOfMinor(15, parsePercentOff('12.5')!)).toBe(2); // 15 × 12.5 % = 1.875 → 2
    expect(percentOfMinor(10, parsePercentOff('25')!)).toBe(3); // 10 × 25 % = 2.5 → 3
    expect(percentOfMinor(9, parsePercentOff('5')!)).toBe(0); // 9 × 5 % = 0.45 → 0
    // 2^53 − 1 at 100 % stays exact through the BigInt path
    expect(percentOfMinor(Number.MAX_SAFE_INTEGER, parsePercentOff('100')!)).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('discountLines against its reference implementation', () => {
  const linesArb = fc.array(
    fc.record(
      {
        amount: fc.oneof(fc.integer({ min: -50_000, max: 1_000_000 }), fc.integer({ min: -1e15, max: 1e15 })),
        productId: fc.constantFrom('a', 'b', 'c'),
      },
      { requiredKeys: ['amount'] },
    ),
    { maxLength: 40 },
  );
  const couponArb: fc.Arbitrary<Coupon> = fc.oneof(
    percentArb.map((p): Coupon => ({ id: 'p', percentOff: p, duration: 'forever' })),
    fc.tuple(percentArb, fc.subarray(['a', 'b', 'c'])).map(([p, ids]): Coupon => ({ id: 'p', percentOff: p, duration: 'forever', appliesToProductIds: ids })),
    fc.integer({ min: 0, max: 2_000_000 }).map((a): Coupon => ({ id: 'a', amountOff: { EUR: a }, duration: 'forever' })),
  );

  it('gives the same discounts, or the same error (property)', () => {
    fc.assert(
      fc.property(linesArb, fc.array(couponArb, { maxLength: 4 }), (lines, coupons) => {
        expect(outcome(() => discountLines(lines, coupons, 'EUR'))).toEqual(outcome(() => referenceDiscountLines(lines, coupons, 'EUR')));
      }),
      { numRuns: 500 },
    );
  });
});
