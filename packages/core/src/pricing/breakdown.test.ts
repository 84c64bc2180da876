import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Price, PricingModel, Tier } from '../catalog/index.js';
import { Decimal, roundMinor } from '../money/index.js';
import { InvalidInputError } from '../errors/index.js';
import { priceAmount, priceBreakdown } from './breakdown.js';

function price(model: PricingModel, extra: Partial<Price> = {}): Price {
  return {
    id: 'price_1',
    productId: 'prod_1',
    currency: 'EUR',
    model,
    recurring: { interval: { unit: 'month', count: 1 }, usageType: 'licensed' },
    taxBehavior: 'exclusive',
    ...extra,
  };
}

const metered = { recurring: { interval: { unit: 'month', count: 1 }, usageType: 'metered' } } as const;

describe('flat', () => {
  it('charges the amount whatever the quantity', () => {
    expect(priceAmount(price({ type: 'flat', amount: 2900 }), 0)).toBe(2900);
    expect(priceAmount(price({ type: 'flat', amount: 2900 }), 7)).toBe(2900); // shown, not multiplied
  });
});

describe('per_unit', () => {
  it('multiplies an integer unit amount', () => {
    expect(priceAmount(price({ type: 'per_unit', unitAmount: 1500 }), 3)).toBe(4500); // 3 × 1500
    expect(priceAmount(price({ type: 'per_unit', unitAmount: 1500 }), 0)).toBe(0);
  });

  it('sums a decimal unit amount exactly and rounds once (EUR)', () => {
    const p = price({ type: 'per_unit', unitAmountDecimal: '0.35' }, metered);
    expect(priceAmount(p, 1001)).toBe(350); // 1001 × 0.35 = 350.35 → 350
    expect(priceAmount(p, 10)).toBe(4); // 10 × 0.35 = 3.5 → 4 (half up)
    expect(priceAmount(p, 1)).toBe(0); // 0.35 → 0
    expect(priceAmount(p, 3)).toBe(1); // 1.05 → 1
  });

  it('works in JPY (exponent 0) and KWD (exponent 3)', () => {
    // ¥0.5 per call: 3 × 0.5 = 1.5 → 2 yen
    expect(priceAmount(price({ type: 'per_unit', unitAmountDecimal: '0.5' }, { currency: 'JPY', ...metered }), 3)).toBe(2);
    // 0.0125 fils per call × 1,000,000 = 12500 fils = 12.500 KWD
    expect(priceAmount(price({ type: 'per_unit', unitAmountDecimal: '0.0125' }, { currency: 'KWD', ...metered }), 1_000_000)).toBe(12500);
    // 0.0125 × 1234 = 15.425 → 15 fils
    expect(priceAmount(price({ type: 'per_unit', unitAmountDecimal: '0.0125' }, { currency: 'KWD', ...metered }), 1234)).toBe(15);
  });

  it('does not accumulate binary float error', () => {
    // 0.1 × 3 = 0.3 exactly in decimal (0.30000000000000004 in floats); × 5 = 1.5 → 2
    expect(priceAmount(price({ type: 'per_unit', unitAmountDecimal: '0.1' }), 15)).toBe(2);
  });
});

describe('package', () => {
  const pkg = (rounding: 'up' | 'down') => price({ type: 'package', packageAmount: 1000, packageSize: 100, rounding });
  it('rounds up to started packages', () => {
    expect(priceAmount(pkg('up'), 0)).toBe(0); // 0 packages
    expect(priceAmount(pkg('up'), 1)).toBe(1000); // ceil(1/100) = 1
    expect(priceAmount(pkg('up'), 100)).toBe(1000); // ceil(100/100) = 1
    expect(priceAmount(pkg('up'), 101)).toBe(2000); // ceil(101/100) = 2
  });
  it('rounds down to completed packages', () => {
    expect(priceAmount(pkg('down'), 99)).toBe(0); // floor(0.99) = 0
    expect(priceAmount(pkg('down'), 100)).toBe(1000); // 1
    expect(priceAmount(pkg('down'), 299)).toBe(2000); // floor(2.99) = 2
  });
  it('counts packages in the breakdown', () => {
    expect(priceBreakdown(pkg('up'), 250).parts).toEqual([
      { kind: 'packages', tierIndex: null, units: 3, unitAmountDecimal: '1000', flatAmount: 0, amountDecimal: '3000' },
    ]);
  });
});

describe('graduated', () => {
  const tiers: Tier[] = [
    { upTo: 10_000, unitAmount: 0, flatAmount: 2900 },
    { upTo: 50_000, unitAmountDecimal: '0.2' },
    { upTo: null, unitAmountDecimal: '0.1', flatAmount: 500 },
  ];
  const p = price({ type: 'graduated', tiers }, metered);

  it('charges each unit at its tier and each reached tier flat fee', () => {
    expect(priceAmount(p, 0)).toBe(2900); // tier 0 is always reached: base fee
    expect(priceAmount(p, 10_000)).toBe(2900); // all in tier 0
    expect(priceAmount(p, 10_001)).toBe(2900); // 2900 + 1 × 0.2 = 2900.2 → 2900
    expect(priceAmount(p, 10_003)).toBe(2901); // 2900 + 3 × 0.2 = 2900.6 → 2901
    expect(priceAmount(p, 50_000)).toBe(10_900); // 2900 + 40000 × 0.2 = 2900 + 8000
    expect(priceAmount(p, 50_001)).toBe(11_400); // 10900 + 500 flat + 1 × 0.1 = 11400.1 → 11400
    expect(priceAmount(p, 60_005)).toBe(12_401); // 10900 + 500 + 10005 × 0.1 = 11400 + 1000.5 = 12400.5 → 12401
  });

  it('rounds once on the sum, not per tier', () => {
    // tier parts 0.5 + 0.5: per-tier rounding would give 1 + 1 = 2, once gives 1
    const q = price({ type: 'graduated', tiers: [{ upTo: 1, unitAmountDecimal: '0.5' }, { upTo: null, unitAmountDecimal: '0.5' }] });
    expect(priceAmount(q, 2)).toBe(1); // 0.5 + 0.5 = 1.0
  });

  it('breaks down per reached tier', () => {
    expect(priceBreakdown(p, 12_500)).toEqual({
      parts: [
        { kind: 'tier', tierIndex: 0, units: 10_000, unitAmountDecimal: '0', flatAmount: 2900, amountDecimal: '2900' },
        { kind: 'tier', tierIndex: 1, units: 2500, unitAmountDecimal: '0.2', flatAmount: 0, amountDecimal: '500' },
      ],
      totalDecimal: '3400',
      amount: 3400,
    });
  });
});

describe('volume', () => {
  const p = price({
    type: 'volume',
    tiers: [
      { upTo: 5, unitAmount: 1000 },
      { upTo: 10, unitAmount: 800, flatAmount: 100 },
      { upTo: null, unitAmountDecimal: '650.5' },
    ],
  });
  it('prices all units at the tier the total falls in; upTo is inclusive', () => {
    expect(priceAmount(p, 0)).toBe(0); // tier 0, 0 units
    expect(priceAmount(p, 5)).toBe(5000); // exactly upTo 5 → tier 0: 5 × 1000
    expect(priceAmount(p, 6)).toBe(4900); // tier 1: 6 × 800 + 100
    expect(priceAmount(p, 10)).toBe(8100); // exactly upTo 10 → tier 1: 10 × 800 + 100
    expect(priceAmount(p, 11)).toBe(7156); // tier 2: 11 × 650.5 = 7155.5 → 7156
  });
  it('breaks down to the one tier', () => {
    expect(priceBreakdown(p, 6).parts).toEqual([
      { kind: 'tier', tierIndex: 1, units: 6, unitAmountDecimal: '800', flatAmount: 100, amountDecimal: '4900' },
    ]);
  });
});

describe('minimumAmount', () => {
  const p = price({ type: 'per_unit', unitAmountDecimal: '0.35' }, { ...metered, minimumAmount: 500 });
  it('raises the line to the minimum with a top-up part', () => {
    expect(priceAmount(p, 0)).toBe(500);
    const b = priceBreakdown(p, 1000); // 1000 × 0.35 = 350 < 500
    expect(b.amount).toBe(500);
    expect(b.parts[1]).toEqual({ kind: 'minimum', tierIndex: null, units: 0, unitAmountDecimal: '0', flatAmount: 0, amountDecimal: '150' }); // 500 − 350
    expect(priceBreakdown(p, 3).parts[1]?.amountDecimal).toBe('498.95'); // 500 − 1.05
  });
  it('leaves a line above the minimum alone', () => {
    expect(priceAmount(p, 2000)).toBe(700); // 2000 × 0.35 = 700 ≥ 500
    expect(priceBreakdown(p, 2000).parts).toHaveLength(1);
  });
});

describe('quantity', () => {
  it('must be a non-negative safe integer', () => {
    const p = price({ type: 'per_unit', unitAmount: 1 });
    for (const bad of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => priceAmount(p, bad)).toThrow(expect.objectContaining({ param: 'quantity' }));
      expect(() => priceAmount(p, bad)).toThrow(InvalidInputError);
    }
  });
});

const tiersArb: fc.Arbitrary<Tier[]> = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 1, max: 100_000 }), { minLength: 0, maxLength: 5 }),
    fc.array(
      fc.record({
        rate: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.stringMatching(/^[0-9]{1,3}\.[0-9]{1,4}$/)),
        flat: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
      }),
      { minLength: 6, maxLength: 6 },
    ),
  )
  .map(([bounds, rates]) => {
    const ups: (number | null)[] = [...bounds.sort((a, b) => a - b), null];
    return ups.map((upTo, i) => {
      const r = rates[i]!;
      const tier: Tier = { upTo, ...(typeof r.rate === 'number' ? { unitAmount: r.rate } : { unitAmountDecimal: r.rate }) };
      if (r.flat !== undefined) tier.flatAmount = r.flat;
      return tier;
    });
  });

const modelArb: fc.Arbitrary<PricingModel> = fc.oneof(
  fc.record({ type: fc.constant('flat' as const), amount: fc.integer({ min: 0, max: 1e6 }) }),
  fc.record({ type: fc.constant('per_unit' as const), unitAmountDecimal: fc.stringMatching(/^[0-9]{1,3}(\.[0-9]{1,6})?$/) }),
  fc.record({
    type: fc.constant('package' as const),
    packageAmount: fc.integer({ min: 0, max: 1e5 }),
    packageSize: fc.integer({ min: 1, max: 1000 }),
    rounding: fc.constantFrom('up' as const, 'down' as const),
  }),
  fc.record({ type: fc.constant('graduated' as const), tiers: tiersArb }),
  fc.record({ type: fc.constant('volume' as const), tiers: tiersArb }),
);

describe('properties', () => {
  it('every amount is a non-negative integer ≥ the minimum, and the parts total rounds to it', () => {
    fc.assert(
      fc.property(modelArb, fc.integer({ min: 0, max: 200_000 }), fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: undefined }), (model, q, min) => {
        const p = price(model, min === undefined ? {} : { minimumAmount: min });
        const b = priceBreakdown(p, q);
        expect(Number.isSafeInteger(b.amount)).toBe(true);
        expect(b.amount).toBeGreaterThanOrEqual(min ?? 0);
        const sum = b.parts.reduce((s, part) => s.plus(part.amountDecimal), new Decimal(0));
        expect(sum.eq(b.totalDecimal)).toBe(true);
        expect(roundMinor(sum)).toBe(b.amount);
        expect(priceAmount(p, q)).toBe(b.amount);
      }),
    );
  });

  it('graduated units across parts add up to the quantity', () => {
    fc.assert(
      fc.property(tiersArb, fc.integer({ min: 0, max: 200_000 }), (tiers, q) => {
        const parts = priceBreakdown(price({ type: 'graduated', tiers }), q).parts;
        expect(parts.reduce((s, p) => s + p.units, 0)).toBe(q);
      }),
    );
  });

  it('usage-priced amounts never decrease as quantity grows (graduated, per unit, package)', () => {
    fc.assert(
      fc.property(modelArb.filter((m) => m.type !== 'volume'), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 1000 }), (model, q, more) => {
        const p = price(model);
        expect(priceAmount(p, q + more)).toBeGreaterThanOrEqual(priceAmount(p, q));
      }),
    );
  });

  it('a graduated price with one tier equals per-unit plus the flat fee', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,3}\.[0-9]{1,4}$/), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1e6 }), (rate, flat, q) => {
        const g = priceAmount(price({ type: 'graduated', tiers: [{ upTo: null, unitAmountDecimal: rate, flatAmount: flat }] }), q);
        expect(g).toBe(roundMinor(new Decimal(rate).times(q).plus(flat)));
      }),
    );
  });
});
