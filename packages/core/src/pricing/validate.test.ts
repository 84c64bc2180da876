import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Price, PricingModel } from '../catalog/index.js';
import { InvalidInputError } from '../errors/index.js';
import { validatePrice } from './validate.js';

const base: Price = {
  id: 'price_1',
  productId: 'prod_1',
  currency: 'EUR',
  model: { type: 'per_unit', unitAmount: 1500 },
  recurring: { interval: { unit: 'month', count: 1 }, usageType: 'licensed' },
  taxBehavior: 'exclusive',
};

function paramOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).param;
  }
  return 'no error';
}

const bad = (patch: Record<string, unknown>): string | undefined => paramOf(() => validatePrice({ ...base, ...patch } as Price));
const badModel = (model: unknown): string | undefined => bad({ model });

describe('validatePrice', () => {
  it('accepts well-formed prices of every model', () => {
    const models: PricingModel[] = [
      { type: 'flat', amount: 0 },
      { type: 'per_unit', unitAmountDecimal: '0.0035' },
      { type: 'package', packageAmount: 1000, packageSize: 100, rounding: 'up' },
      { type: 'graduated', tiers: [{ upTo: 10, flatAmount: 900 }, { upTo: null, unitAmount: 5 }] },
      { type: 'volume', tiers: [{ upTo: null, unitAmountDecimal: '1.5' }] },
    ];
    for (const model of models) expect(() => validatePrice({ ...base, model })).not.toThrow();
    expect(() => validatePrice({ ...base, recurring: null })).not.toThrow();
    expect(() =>
      validatePrice({ ...base, recurring: { interval: { unit: 'year', count: 1 }, usageType: 'metered', aggregation: 'max' }, trialDays: 14, minimumAmount: 100 }),
    ).not.toThrow();
  });

  it('names the field at fault', () => {
    expect(bad({ id: '' })).toBe('id');
    expect(bad({ productId: '' })).toBe('productId');
    expect(bad({ currency: 'EURO' })).toBe('currency');
    expect(bad({ taxBehavior: 'both' })).toBe('taxBehavior');
    expect(bad({ minimumAmount: -1 })).toBe('minimumAmount');
    expect(bad({ minimumAmount: 1.5 })).toBe('minimumAmount');
    expect(bad({ trialDays: -1 })).toBe('trialDays');
    expect(bad({ trialDays: 731 })).toBe('trialDays');
    expect(bad({ trialDays: 7, recurring: null })).toBe('trialDays');
    expect(bad({ taxCode: '' })).toBe('taxCode');
  });

  it('checks models', () => {
    expect(badModel({ type: 'free' })).toBe('model.type');
    expect(badModel({ type: 'flat', amount: -5 })).toBe('model.amount');
    expect(badModel({ type: 'per_unit' })).toBe('model.unitAmount');
    expect(badModel({ type: 'per_unit', unitAmount: 1, unitAmountDecimal: '1' })).toBe('model.unitAmountDecimal');
    expect(badModel({ type: 'per_unit', unitAmountDecimal: '1e-3' })).toBe('model.unitAmountDecimal');
    expect(badModel({ type: 'per_unit', unitAmountDecimal: '-0.5' })).toBe('model.unitAmountDecimal');
    expect(badModel({ type: 'per_unit', unitAmountDecimal: 0.5 })).toBe('model.unitAmountDecimal');
    expect(badModel({ type: 'package', packageAmount: 100, packageSize: 0, rounding: 'up' })).toBe('model.packageSize');
    expect(badModel({ type: 'package', packageAmount: 100, packageSize: 10, rounding: 'nearest' })).toBe('model.rounding');
    expect(badModel({ type: 'package', packageAmount: 0.5, packageSize: 10, rounding: 'up' })).toBe('model.packageAmount');
  });

  it('checks tiers', () => {
    expect(badModel({ type: 'graduated', tiers: [] })).toBe('model.tiers');
    expect(badModel({ type: 'volume', tiers: [{ upTo: 10, unitAmount: 1 }] })).toBe('model.tiers[0].upTo'); // last must be null
    expect(badModel({ type: 'volume', tiers: [{ upTo: null, unitAmount: 1 }, { upTo: null, unitAmount: 1 }] })).toBe('model.tiers[0].upTo');
    expect(badModel({ type: 'graduated', tiers: [{ upTo: 10, unitAmount: 1 }, { upTo: 10, unitAmount: 1 }, { upTo: null, unitAmount: 1 }] })).toBe(
      'model.tiers[1].upTo',
    ); // not ascending
    expect(badModel({ type: 'graduated', tiers: [{ upTo: 0, unitAmount: 1 }, { upTo: null, unitAmount: 1 }] })).toBe('model.tiers[0].upTo');
    expect(badModel({ type: 'graduated', tiers: [{ upTo: 2.5, unitAmount: 1 }, { upTo: null, unitAmount: 1 }] })).toBe('model.tiers[0].upTo');
    expect(badModel({ type: 'graduated', tiers: [{ upTo: 5, unitAmount: 1 }, { upTo: null }] })).toBe('model.tiers[1].unitAmount');
    expect(badModel({ type: 'graduated', tiers: [{ upTo: 5, unitAmount: 1 }, { upTo: null, flatAmount: -1 }] })).toBe('model.tiers[1].flatAmount');
    expect(badModel({ type: 'volume', tiers: [{ upTo: null, unitAmount: -1 }] })).toBe('model.tiers[0].unitAmount');
  });

  it('checks recurring', () => {
    expect(bad({ recurring: { interval: { unit: 'hour', count: 1 }, usageType: 'licensed' } })).toBe('recurring.interval');
    expect(bad({ recurring: { interval: { unit: 'month', count: 0 }, usageType: 'licensed' } })).toBe('recurring.interval');
    expect(bad({ recurring: { interval: { unit: 'month', count: 1 }, usageType: 'rented' } })).toBe('recurring.usageType');
    expect(bad({ recurring: { interval: { unit: 'month', count: 1 }, usageType: 'licensed', aggregation: 'sum' } })).toBe('recurring.aggregation');
    expect(bad({ recurring: { interval: { unit: 'month', count: 1 }, usageType: 'metered', aggregation: 'avg' } })).toBe('recurring.aggregation');
    expect(bad({ model: { type: 'flat', amount: 100 }, recurring: { interval: { unit: 'month', count: 1 }, usageType: 'metered' } })).toBe('model.type');
  });

  it('rejects any negative or fractional flat amount (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ max: -1 }), fc.double({ noInteger: true })), (amount) => {
        expect(badModel({ type: 'flat', amount })).toBe('model.amount');
      }),
    );
  });
});
