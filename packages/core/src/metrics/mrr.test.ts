import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Coupon, Discount, Price } from '../catalog/index.js';
import { InvalidInputError } from '../errors/index.js';
import { divideRoundHalfUp } from '../money/index.js';
import { fromIso, type Interval, type IntervalUnit } from '../time/index.js';
import { normalizedMrr } from './mrr.js';

const at = fromIso('2024-04-15T12:00:00Z');
const month: Interval = { unit: 'month', count: 1 };
const year: Interval = { unit: 'year', count: 1 };

function flat(amount: number, interval: Interval | null, extra: Partial<Price> = {}): Price {
  return {
    id: `price_${amount}_${interval?.unit ?? 'once'}`,
    productId: 'prod_app',
    currency: 'EUR',
    model: { type: 'flat', amount },
    recurring: interval && { interval, usageType: 'licensed' },
    taxBehavior: 'exclusive',
    ...extra,
  };
}
const seats: Price = { ...flat(0, month), id: 'price_seats', model: { type: 'per_unit', unitAmount: 2900 } };
const addonYearly: Price = { ...flat(12_000, year), productId: 'prod_addon' };
const apiCalls: Price = {
  ...flat(0, month),
  id: 'price_api',
  model: { type: 'per_unit', unitAmountDecimal: '0.2' },
  recurring: { interval: month, usageType: 'metered', aggregation: 'sum' },
};
const discount = (coupon: Omit<Coupon, 'id'>, start = '2024-01-31'): Discount => ({
  coupon: { id: 'co', ...coupon },
  startMs: fromIso(start),
});
const twentyOff = discount({ percentOff: '20', duration: 'forever' });

describe('normalizedMrr', () => {
  it('normalizes each interval to a month', () => {
    expect(normalizedMrr([{ price: seats, quantity: 3 }], [], at)).toBe(8700); // 3 × 2900
    expect(normalizedMrr([{ price: addonYearly, quantity: 1 }], [], at)).toBe(1000); // 12000 / 12
    expect(normalizedMrr([{ price: flat(9000, { unit: 'month', count: 3 }), quantity: 1 }], [], at)).toBe(
      3000,
    ); // quarterly / 3
    expect(normalizedMrr([{ price: flat(1000, { unit: 'week', count: 1 }), quantity: 1 }], [], at)).toBe(
      4333,
    ); // 1000 × 52 / 12 = 4333.33
    expect(normalizedMrr([{ price: flat(100, { unit: 'day', count: 1 }), quantity: 1 }], [], at)).toBe(3042); // 100 × 365 / 12 = 3041.67
    expect(normalizedMrr([{ price: flat(2000, { unit: 'week', count: 2 }), quantity: 1 }], [], at)).toBe(
      4333,
    ); // 2000 × 52 / 24
    expect(normalizedMrr([], [], at)).toBe(0);
  });

  it('rounds once, on the exact sum', () => {
    const weekly = flat(1000, { unit: 'week', count: 1 });
    // 2 × 4333.33 = 8666.67 → 8667 (rounding each item first would give 8666)
    expect(
      normalizedMrr(
        [
          { price: weekly, quantity: 1 },
          { price: { ...weekly, id: 'w2' }, quantity: 1 },
        ],
        [],
        at,
      ),
    ).toBe(8667);
  });

  it('takes percent-off discounts off each invoice cadence', () => {
    const items = [
      { price: seats, quantity: 3 },
      { price: addonYearly, quantity: 1 },
    ];
    expect(normalizedMrr(items, [], at)).toBe(9700); // 8700 + 1000
    // monthly: 8700 − 20 % = 6960; yearly: (12000 − 2400) / 12 = 800 → 7760
    expect(normalizedMrr(items, [twentyOff], at)).toBe(7760);
  });

  it('counts repeating discounts while active, forever always, once never', () => {
    const items = [{ price: seats, quantity: 1 }];
    const threeMonths = discount({ percentOff: '50', duration: 'repeating', durationInMonths: 3 }); // Jan 31 → Apr 30
    expect(normalizedMrr(items, [threeMonths], fromIso('2024-04-29T23:59:59Z'))).toBe(1450); // 2900 / 2
    expect(normalizedMrr(items, [threeMonths], fromIso('2024-04-30'))).toBe(2900); // ended
    expect(normalizedMrr(items, [discount({ percentOff: '50', duration: 'once' })], at)).toBe(2900);
    expect(
      normalizedMrr(items, [discount({ percentOff: '50', duration: 'forever' }, '2024-05-01')], at),
    ).toBe(2900); // not started
  });

  it('takes amount-off once per invoice in the items’ currency', () => {
    const fiveOff = discount({ amountOff: { EUR: 500, USD: 600 }, duration: 'forever' });
    expect(normalizedMrr([{ price: seats, quantity: 3 }], [fiveOff], at)).toBe(8200); // 8700 − 500
    expect(normalizedMrr([{ price: addonYearly, quantity: 1 }], [fiveOff], at)).toBe(958); // (12000 − 500) / 12 = 958.33
    expect(
      normalizedMrr(
        [{ price: seats, quantity: 3 }],
        [discount({ amountOff: { USD: 500 }, duration: 'forever' })],
        at,
      ),
    ).toBe(8700);
    expect(
      normalizedMrr(
        [{ price: seats, quantity: 1 }],
        [discount({ amountOff: { EUR: 5000 }, duration: 'forever' })],
        at,
      ),
    ).toBe(0); // capped
  });

  it('applies discounts one after the other, limited to their products', () => {
    const items = [
      { price: seats, quantity: 1 }, // prod_app 2900
      { price: { ...flat(1000, month), productId: 'prod_addon' }, quantity: 1 },
    ];
    const addonHalf = discount({
      percentOff: '50',
      duration: 'forever',
      appliesToProductIds: ['prod_addon'],
    });
    expect(normalizedMrr(items, [addonHalf], at)).toBe(3400); // 2900 + 500
    // then 10 % on what is left: (2900 + 500) × 0.9 = 3060
    expect(normalizedMrr(items, [addonHalf, discount({ percentOff: '10', duration: 'forever' })], at)).toBe(
      3060,
    );
  });

  it('leaves out one-time and metered prices, unless a metered amount is given', () => {
    expect(normalizedMrr([{ price: flat(5000, null), quantity: 1 }], [], at)).toBe(0);
    expect(normalizedMrr([{ price: apiCalls, quantity: 100_000 }], [], at)).toBe(0);
    // last period's usage, 12,500 calls × 0.2 = 2500, as the estimate
    expect(normalizedMrr([{ price: apiCalls, quantity: 0, amountMinor: 2500 }], [], at)).toBe(2500);
    expect(normalizedMrr([{ price: seats, quantity: 3, amountMinor: 5000 }], [], at)).toBe(5000); // negotiated
  });

  it('excludes tax contained in inclusive prices when the rate is given', () => {
    const inclusive = flat(11_900, month, { taxBehavior: 'inclusive' });
    expect(normalizedMrr([{ price: inclusive, quantity: 1, inclusiveTaxRatePercent: '19' }], [], at)).toBe(
      10_000,
    ); // 11900 / 1.19
    expect(normalizedMrr([{ price: inclusive, quantity: 1 }], [], at)).toBe(11_900);
    // 9.975 % QST: 10997.5 / 1.09975 = 10000 exactly, and 2900 / 1.21 = 2396.69 → 2397
    expect(
      normalizedMrr(
        [
          {
            price: flat(1_099_750, year, { taxBehavior: 'inclusive' }),
            quantity: 1,
            inclusiveTaxRatePercent: '9.975',
          },
        ],
        [],
        at,
      ),
    ).toBe(83_333); // 1,000,000 / 12
    expect(
      normalizedMrr(
        [
          {
            price: flat(2900, month, { taxBehavior: 'inclusive' }),
            quantity: 1,
            inclusiveTaxRatePercent: '21',
          },
        ],
        [],
        at,
      ),
    ).toBe(2397);
    // the rate only matters for inclusive prices
    expect(normalizedMrr([{ price: seats, quantity: 1, inclusiveTaxRatePercent: '19' }], [], at)).toBe(2900);
  });

  it('rejects mixed currencies and bad inputs', () => {
    expect(() =>
      normalizedMrr(
        [
          { price: seats, quantity: 1 },
          { price: { ...seats, currency: 'USD' }, quantity: 1 },
        ],
        [],
        at,
      ),
    ).toThrow(InvalidInputError);
    expect(() => normalizedMrr([{ price: seats, quantity: 1.5 }], [], at)).toThrow(InvalidInputError);
    expect(() => normalizedMrr([{ price: seats, quantity: 1, amountMinor: 0.5 }], [], at)).toThrow(
      InvalidInputError,
    );
    expect(() => normalizedMrr([{ price: seats, quantity: 1 }], [], Number.NaN)).toThrow(InvalidInputError);
    const inclusive = flat(100, month, { taxBehavior: 'inclusive' });
    expect(() =>
      normalizedMrr([{ price: inclusive, quantity: 1, inclusiveTaxRatePercent: '-5' }], [], at),
    ).toThrow(InvalidInputError);
  });

  const perMonth: Record<IntervalUnit, bigint> = { month: 12n, year: 1n, week: 52n, day: 365n }; // per year
  const anyItem = fc.record({
    amount: fc.integer({ min: 0, max: 1e9 }),
    unit: fc.constantFrom<IntervalUnit>('day', 'week', 'month', 'year'),
    count: fc.integer({ min: 1, max: 12 }),
  });

  it('equals the exact yearly sum ÷ 12 rounded once (property)', () => {
    fc.assert(
      fc.property(fc.array(anyItem, { maxLength: 8 }), (specs) => {
        const items = specs.map((s, i) => ({
          price: { ...flat(s.amount, { unit: s.unit, count: s.count }), id: `p${i}` },
          quantity: 1,
        }));
        // 27720 = lcm(1..12), so every amount × perYear / (12 × count) shares the denominator 12 × 27720
        const numerator = specs.reduce(
          (sum, s) => sum + BigInt(s.amount) * perMonth[s.unit] * (27_720n / BigInt(s.count)),
          0n,
        );
        expect(normalizedMrr(items, [], at)).toBe(Number(divideRoundHalfUp(numerator, 12n * 27_720n)));
      }),
    );
  });

  it('is never raised by a discount and scales with percent-off (property)', () => {
    fc.assert(
      fc.property(
        fc.array(anyItem, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 100 }),
        (specs, percent) => {
          const items = specs.map((s, i) => ({
            price: { ...flat(s.amount, { unit: s.unit, count: s.count }), id: `p${i}` },
            quantity: 1,
          }));
          const full = normalizedMrr(items, [], at);
          const discounted = normalizedMrr(
            items,
            [discount({ percentOff: String(percent), duration: 'forever' })],
            at,
          );
          expect(discounted).toBeLessThanOrEqual(full);
          expect(discounted).toBeGreaterThanOrEqual(0);
          // Each invoice's discount is rounded (half a unit at most), then scaled to a month with the
          // invoice's factor (up to 365/12 for daily prices); plus the two final roundings.
          const perMonthFactor = { month: 1, year: 1 / 12, week: 52 / 12, day: 365 / 12 };
          const bound = 1 + specs.reduce((sum, s) => sum + (0.5 * perMonthFactor[s.unit]) / s.count, 0);
          expect(Math.abs(discounted - (full * (100 - percent)) / 100)).toBeLessThanOrEqual(bound + 1e-9);
          if (percent === 100) expect(discounted).toBe(0);
        },
      ),
    );
  });
});
