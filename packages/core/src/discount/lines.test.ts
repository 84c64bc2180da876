import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Coupon } from '../catalog/index.js';
import { discountLines, type DiscountableLine } from './lines.js';

const pct = (percentOff: string, appliesToProductIds?: string[]): Coupon => ({
  id: `pct${percentOff}`,
  percentOff,
  duration: 'forever',
  ...(appliesToProductIds ? { appliesToProductIds } : {}),
});
const off = (amountOff: Coupon['amountOff'], appliesToProductIds?: string[]): Coupon => ({
  id: 'off',
  amountOff,
  duration: 'forever',
  ...(appliesToProductIds ? { appliesToProductIds } : {}),
});

describe('discountLines', () => {
  it('takes percent-off on the eligible subtotal and allocates it by largest remainder', () => {
    // subtotal 1000, 10 % = 100; weights 1:1:1 → 34, 33, 33
    expect(discountLines([{ amount: 334 }, { amount: 333 }, { amount: 333 }], [pct('10')], 'EUR')).toEqual([34, 33, 33]);
    // rounded once on the subtotal: 3 × 5 = 15, 12.5 % = 1.875 → 2 (per-line rounding would give 1 + 1 + 1 = 3)
    expect(discountLines([{ amount: 5 }, { amount: 5 }, { amount: 5 }], [pct('12.5')], 'EUR')).toEqual([1, 1, 0]);
  });

  it('respects product restrictions', () => {
    const lines: DiscountableLine[] = [{ amount: 2000, productId: 'pro' }, { amount: 1000, productId: 'addon' }, { amount: 500 }];
    expect(discountLines(lines, [pct('50', ['addon'])], 'EUR')).toEqual([0, 500, 0]); // 50 % of 1000
  });

  it('takes amount-off in the invoice currency only, capped at the eligible subtotal', () => {
    expect(discountLines([{ amount: 700 }, { amount: 300 }], [off({ EUR: 500 })], 'EUR')).toEqual([350, 150]); // 500 × 0.7, × 0.3
    expect(discountLines([{ amount: 700 }, { amount: 300 }], [off({ USD: 500 })], 'EUR')).toEqual([0, 0]); // no EUR amount
    expect(discountLines([{ amount: 700 }, { amount: 300 }], [off({ EUR: 5000 })], 'EUR')).toEqual([700, 300]); // capped at 1000
    expect(discountLines([{ amount: 700 }], [off({ JPY: 500 })], 'JPY')).toEqual([500]);
  });

  it('never discounts credit lines', () => {
    // credit −400 is ignored: eligible subtotal 1000 → 20 % = 200
    expect(discountLines([{ amount: 1000 }, { amount: -400 }, { amount: 0 }], [pct('20')], 'EUR')).toEqual([200, 0, 0]);
  });

  it('applies several coupons in sequence on what remains', () => {
    // 1000 − 10 % (100) = 900; then 500 off → 600 total off; weights after the first: 450, 450
    expect(discountLines([{ amount: 500 }, { amount: 500 }], [pct('10'), off({ EUR: 500 })], 'EUR')).toEqual([300, 300]);
    // 500 off first, then 10 % of 500 = 50 → 550 total
    expect(discountLines([{ amount: 500 }, { amount: 500 }], [off({ EUR: 500 }), pct('10')], 'EUR')).toEqual([275, 275]);
    // 100 % then anything: nothing left to take
    expect(discountLines([{ amount: 999 }], [pct('100'), off({ EUR: 5 }), pct('50')], 'EUR')).toEqual([999]);
  });

  it('validates coupons', () => {
    expect(() => discountLines([], [{ id: 'x', duration: 'once' }], 'EUR')).toThrow(expect.objectContaining({ param: 'coupons[0].percentOff' }));
    expect(() => discountLines([], [pct('0')], 'EUR')).toThrow(expect.objectContaining({ param: 'coupons[0].percentOff' }));
    expect(() => discountLines([], [pct('100.5')], 'EUR')).toThrow(expect.objectContaining({ param: 'coupons[0].percentOff' }));
    expect(() => discountLines([], [off({ EUR: -1 })], 'EUR')).toThrow(expect.objectContaining({ param: 'coupons[0].amountOff.EUR' }));
    expect(() => discountLines([{ amount: 1.5 }], [], 'EUR')).toThrow(expect.objectContaining({ param: 'lines[0].amount' }));
  });

  const linesArb = fc.array(
    fc.record({ amount: fc.integer({ min: -50_000, max: 1_000_000 }), productId: fc.constantFrom('a', 'b', 'c') }),
    { maxLength: 12 },
  );
  const couponArb: fc.Arbitrary<Coupon> = fc.oneof(
    fc.stringMatching(/^[1-9][0-9]?(\.[0-9]{1,3})?$/).map((p) => pct(p)),
    fc.constant(pct('100')),
    fc.integer({ min: 0, max: 2_000_000 }).map((a) => off({ EUR: a })),
    fc.tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.subarray(['a', 'b', 'c'])).map(([a, ids]) => off({ EUR: a }, ids)),
    fc.tuple(fc.stringMatching(/^[1-9][0-9]?$/), fc.subarray(['a', 'b', 'c'])).map(([p, ids]) => pct(p, ids)),
  );

  it('discounts are integers within [0, line] and never exceed the eligible amount (property)', () => {
    fc.assert(
      fc.property(linesArb, fc.array(couponArb, { maxLength: 4 }), (lines, coupons) => {
        const d = discountLines(lines, coupons, 'EUR');
        expect(d).toHaveLength(lines.length);
        const positive = lines.reduce((s, l) => s + Math.max(l.amount, 0), 0);
        lines.forEach((l, i) => {
          expect(Number.isSafeInteger(d[i])).toBe(true);
          expect(d[i]).toBeGreaterThanOrEqual(0);
          expect(d[i]).toBeLessThanOrEqual(Math.max(l.amount, 0));
        });
        expect(d.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(positive);
      }),
    );
  });

  it('one percent coupon takes exactly round(subtotal × p / 100) in total (property)', () => {
    fc.assert(
      fc.property(linesArb, fc.integer({ min: 1, max: 100 }), (lines, p) => {
        const d = discountLines(lines, [pct(String(p))], 'EUR');
        const subtotal = lines.reduce((s, l) => s + Math.max(l.amount, 0), 0);
        // subtotal × p / 100 half-up, in integers: floor((subtotal × p × 2 + 100) / 200)
        expect(d.reduce((a, b) => a + b, 0)).toBe(Math.floor((subtotal * p * 2 + 100) / 200));
      }),
    );
  });

  it('one amount coupon takes min(amount, eligible subtotal) (property)', () => {
    fc.assert(
      fc.property(linesArb, fc.integer({ min: 0, max: 3_000_000 }), fc.subarray(['a', 'b', 'c']), (lines, a, ids) => {
        const d = discountLines(lines, [off({ EUR: a }, ids)], 'EUR');
        const eligible = lines.reduce((s, l) => s + (l.amount > 0 && ids.includes(l.productId) ? l.amount : 0), 0);
        expect(d.reduce((x, y) => x + y, 0)).toBe(Math.min(a, eligible));
      }),
    );
  });
});
