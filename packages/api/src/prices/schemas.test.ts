import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PriceCreateParams, PriceUpdateParams } from './schemas.js';

describe('price schemas', () => {
  it('accepts a graduated metered price with a decimal tier and currency options', () => {
    const params = {
      product: 'prod_1',
      currency: 'EUR',
      billing_scheme: 'tiered',
      tiers_mode: 'graduated',
      tiers: [
        { up_to: 10000, unit_amount: 0 },
        { up_to: 'inf', unit_amount_decimal: '0.2' },
      ],
      recurring: { interval: 'month', usage_type: 'metered', aggregate_usage: 'sum' },
      currency_options: { USD: { tiers: [{ up_to: 10000, unit_amount: 0 }, { up_to: 'inf', unit_amount_decimal: '0.25' }] } },
      lookup_key: 'api_calls',
    };
    expect(PriceCreateParams.parse(params)).toEqual(params);
  });

  it('rejects floats for amounts, negative amounts and malformed decimals', () => {
    const base = { product: 'prod_1', currency: 'EUR' };
    expect(PriceCreateParams.safeParse({ ...base, unit_amount: 9.99 }).success).toBe(false);
    expect(PriceCreateParams.safeParse({ ...base, unit_amount: -1 }).success).toBe(false);
    expect(PriceCreateParams.safeParse({ ...base, unit_amount_decimal: '1e3' }).success).toBe(false);
    expect(PriceCreateParams.safeParse({ ...base, currency: 'EURO', unit_amount: 1 }).success).toBe(false);
  });

  it('update accepts only mutable fields', () => {
    expect(PriceUpdateParams.safeParse({ nickname: 'x', active: false }).success).toBe(true);
    for (const field of ['unit_amount', 'currency', 'recurring', 'product', 'tiers']) {
      expect(PriceUpdateParams.safeParse({ [field]: 1 }).success).toBe(false);
    }
  });

  it('any integer unit amount from 0 to MAX_SAFE_INTEGER is accepted, any non-integer refused', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (n) => {
        const ok = PriceCreateParams.safeParse({ product: 'p', currency: 'EUR', unit_amount: n }).success;
        expect(ok).toBe(Number.isSafeInteger(n) && n >= 0);
      }),
    );
  });
});
