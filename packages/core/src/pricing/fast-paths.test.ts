import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Price, PricingModel, Tier } from '../catalog/index.js';
import { InvalidInputError } from '../errors/index.js';
import { Decimal, roundMinor, toDecimal } from '../money/index.js';
import { priceAmount, priceBreakdown, type PricePart } from './breakdown.js';
import { validatePrice } from './validate.js';

// priceAmount now computes in integers (decimal rates scaled once per price, cached with the
// validation) and priceBreakdown validates once and sums Decimals without reparsing strings.
// These properties hold both to the Decimal implementation they replaced, kept here as
// `referencePriceBreakdown`: same amounts, same parts, same errors.

/** priceBreakdown as first written: validate every call, parts as strings, summed by reparsing. */
function referencePriceBreakdown(price: Price, quantity: number): { parts: PricePart[]; totalDecimal: string; amount: number } {
  if (!Number.isSafeInteger(quantity) || quantity < 0) {
    throw new InvalidInputError(`quantity must be a non-negative integer, got ${quantity}`, 'quantity');
  }
  validatePrice(price);
  const unitRate = (holder: { unitAmount?: number; unitAmountDecimal?: string }): Decimal =>
    holder.unitAmountDecimal !== undefined ? toDecimal(holder.unitAmountDecimal, 'unitAmountDecimal') : new Decimal(holder.unitAmount ?? 0);
  const part = (kind: PricePart['kind'], tierIndex: number | null, units: number, rate: Decimal, flatAmount: number): PricePart => ({
    kind,
    tierIndex,
    units,
    unitAmountDecimal: rate.toString(),
    flatAmount,
    amountDecimal: rate.times(units).plus(flatAmount).toString(),
  });
  const model = price.model;
  let parts: PricePart[];
  switch (model.type) {
    case 'flat':
      parts = [part('flat', null, quantity, new Decimal(0), model.amount)];
      break;
    case 'per_unit':
      parts = [part('units', null, quantity, unitRate(model), 0)];
      break;
    case 'package': {
      const whole = Math.floor(quantity / model.packageSize);
      const packages = model.rounding === 'up' && whole * model.packageSize < quantity ? whole + 1 : whole;
      parts = [part('packages', null, packages, new Decimal(model.packageAmount), 0)];
      break;
    }
    case 'graduated': {
      parts = [];
      let lower = 0;
      for (const [i, tier] of model.tiers.entries()) {
        if (i > 0 && quantity <= lower) break;
        const upper = tier.upTo === null ? quantity : Math.min(quantity, tier.upTo);
        parts.push(part('tier', i, Math.max(upper - lower, 0), unitRate(tier), tier.flatAmount ?? 0));
        if (tier.upTo === null) break;
        lower = tier.upTo;
      }
      break;
    }
    case 'volume': {
      const index = model.tiers.findIndex((t) => t.upTo === null || quantity <= t.upTo);
      const tier = model.tiers[index]!;
      parts = [part('tier', index, quantity, unitRate(tier), tier.flatAmount ?? 0)];
      break;
    }
  }
  let total = parts.reduce((sum, p) => sum.plus(p.amountDecimal), new Decimal(0));
  let amount = roundMinor(total);
  const minimum = price.minimumAmount;
  if (minimum !== undefined && amount < minimum) {
    const topUp = new Decimal(minimum).minus(total);
    parts.push({ kind: 'minimum', tierIndex: null, units: 0, unitAmountDecimal: '0', flatAmount: 0, amountDecimal: topUp.toString() });
    total = new Decimal(minimum);
    amount = minimum;
  }
  return { parts, totalDecimal: total.toString(), amount };
}

const outcome = (run: () => unknown): unknown => {
  try {
    return { ok: run() };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message} (${String((error as { param?: string }).param)})` };
  }
};

/** Minor amounts: mostly everyday, sometimes near 2^53 to reach the BigInt path and overflow. */
const amountArb = fc.oneof(fc.nat({ max: 10_000 }), fc.nat({ max: 1e9 }), fc.nat({ max: Number.MAX_SAFE_INTEGER }));
/** Decimal unit amounts as catalogs write them, up to 20 decimals; "-0.0" is valid and zero. */
const decimalArb = fc.oneof(
  fc.stringMatching(/^(0|[1-9][0-9]{0,2})\.[0-9]{1,4}$/),
  fc.stringMatching(/^[0-9]{1,15}(\.[0-9]{1,20})?$/),
  fc.constantFrom('0', '0.0', '-0', '-0.00', '007.50', '0.2', '0.0035', '999999999999999.99999999999999999999'),
);
const rateArb = fc.oneof(amountArb.map((unitAmount) => ({ unitAmount })), decimalArb.map((unitAmountDecimal) => ({ unitAmountDecimal })));

const tiersArb: fc.Arbitrary<Tier[]> = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 5000 }), rateArb, fc.option(amountArb, { nil: undefined })), { minLength: 1, maxLength: 5 })
  .map((rows) => {
    let upTo = 0;
    return rows.map(([step, rate, flatAmount], i): Tier => {
      upTo += step;
      const tier: Tier = { upTo: i === rows.length - 1 ? null : upTo, ...rate };
      if (flatAmount !== undefined) tier.flatAmount = flatAmount;
      return tier;
    });
  });

const modelArb: fc.Arbitrary<PricingModel> = fc.oneof(
  amountArb.map((amount): PricingModel => ({ type: 'flat', amount })),
  rateArb.map((rate): PricingModel => ({ type: 'per_unit', ...rate })),
  fc
    .tuple(amountArb, fc.integer({ min: 1, max: 1000 }), fc.constantFrom('up' as const, 'down' as const))
    .map(([packageAmount, packageSize, rounding]): PricingModel => ({ type: 'package', packageAmount, packageSize, rounding })),
  tiersArb.map((tiers): PricingModel => ({ type: 'graduated', tiers })),
  tiersArb.map((tiers): PricingModel => ({ type: 'volume', tiers })),
);

const priceArb: fc.Arbitrary<Price> = fc
  .tuple(modelArb, fc.option(amountArb, { nil: undefined }))
  .map(([model, minimumAmount]): Price => ({
    id: 'price_1',
    productId: 'prod_1',
    currency: 'EUR',
    model,
    recurring: { interval: { unit: 'month', count: 1 }, usageType: model.type === 'flat' ? 'licensed' : 'metered' },
    taxBehavior: 'exclusive',
    ...(minimumAmount !== undefined ? { minimumAmount } : {}),
  }));

const quantityArb = fc.oneof(fc.nat({ max: 20_000 }), fc.nat({ max: 1e7 }), fc.nat({ max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(-1, 1.5));

describe('priceAmount against the Decimal reference', () => {
  it('gives the same amount, or the same error, for every model (property)', () => {
    fc.assert(
      fc.property(priceArb, fc.array(quantityArb, { minLength: 1, maxLength: 4 }), (price, quantities) => {
        // Several quantities per price object: the first call compiles it, the next use the cache.
        for (const quantity of quantities) {
          expect(outcome(() => priceAmount(price, quantity))).toEqual(outcome(() => referencePriceBreakdown(price, quantity).amount));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same breakdown, parts and strings included (property)', () => {
    fc.assert(
      fc.property(priceArb, quantityArb, (price, quantity) => {
        expect(outcome(() => priceBreakdown(price, quantity))).toEqual(outcome(() => referencePriceBreakdown(price, quantity)));
      }),
      { numRuns: 500 },
    );
  });

  it('rejects an invalid price on every call, not only the first', () => {
    const broken: Price = { id: 'p', productId: 'x', currency: 'EUR', model: { type: 'per_unit', unitAmountDecimal: '1e-3' }, recurring: null, taxBehavior: 'exclusive' };
    expect(() => priceAmount(broken, 1)).toThrow(InvalidInputError);
    expect(() => priceAmount(broken, 1)).toThrow(InvalidInputError);
  });

  it('scales several decimal rates to one denominator exactly', () => {
    const tiers: Tier[] = [
      { upTo: 3, unitAmountDecimal: '0.5' },
      { upTo: 5, unitAmountDecimal: '0.0035' },
      { upTo: null, unitAmount: 2, flatAmount: 7 },
    ];
    const price: Price = { id: 'p', productId: 'x', currency: 'EUR', model: { type: 'graduated', tiers }, recurring: null, taxBehavior: 'exclusive' };
    // 3 × 0.5 + 2 × 0.0035 + 1 × 2 + 7 = 1.5 + 0.007 + 2 + 7 = 10.507 → 11
    expect(priceAmount(price, 6)).toBe(11);
    // 3 × 0.5 = 1.5 → 2 (half up)
    expect(priceAmount(price, 3)).toBe(2);
  });
});
