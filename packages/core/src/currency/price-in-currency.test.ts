import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Price } from '../catalog/index.js';
import { charmRound } from './charm.js';
import type { MultiCurrencyPrice } from './options.js';
import { priceInCurrency } from './price-in-currency.js';
import { convert, type ExchangeRateTable } from './rates.js';

const rates: ExchangeRateTable = {
  base: 'EUR',
  rates: { USD: '1.085', JPY: '162.5', KWD: '0.3321', RON: '4.9765' },
  asOfMs: Date.UTC(2025, 5, 2),
  source: 'test',
};

const base = {
  productId: 'prod_pro',
  currency: 'EUR',
  recurring: { interval: { unit: 'month', count: 1 }, usageType: 'licensed' },
  taxBehavior: 'exclusive',
} as const satisfies Partial<Price>;

const pro: MultiCurrencyPrice = {
  ...base,
  id: 'price_pro',
  model: { type: 'flat', amount: 2900 },
  minimumAmount: 1000,
  currencyOptions: { USD: { model: { type: 'flat', amount: 3200 } }, GBP: { model: { type: 'flat', amount: 2500 }, minimumAmount: 800 } },
};

describe('priceInCurrency', () => {
  it('returns the price itself in its own currency, without currency options', () => {
    const { currencyOptions: _unused, ...plain } = pro;
    expect(priceInCurrency(pro, 'EUR')).toEqual(plain);
  });

  it('takes an explicit currency option verbatim, even with rates and charm', () => {
    expect(priceInCurrency(pro, 'USD', rates, 'charm')).toEqual({
      ...base, id: 'price_pro', currency: 'USD', model: { type: 'flat', amount: 3200 },
    }); // the base minimum is not borrowed: the option has none
    expect(priceInCurrency(pro, 'GBP').minimumAmount).toBe(800);
  });

  it('converts every money field when no option exists', () => {
    const tiered: MultiCurrencyPrice = {
      ...base,
      id: 'price_api',
      model: {
        type: 'graduated',
        tiers: [
          { upTo: 1000, unitAmount: 0, flatAmount: 2900 },
          { upTo: 10000, unitAmountDecimal: '0.35' },
          { upTo: null, unitAmount: 1 },
        ],
      },
      minimumAmount: 1000,
    };
    expect(priceInCurrency(tiered, 'JPY', rates)).toMatchObject({
      id: 'price_api',
      currency: 'JPY',
      model: {
        type: 'graduated',
        tiers: [
          { upTo: 1000, unitAmount: 0, flatAmount: 4713 }, // 2900 × 162.5 ÷ 100 = 4712.5 → 4713
          { upTo: 10000, unitAmountDecimal: '0.56875' }, // 0.35 × 1.625
          { upTo: null, unitAmount: 2 }, // 1 × 1.625 → 2
        ],
      },
      minimumAmount: 1625, // 1000 × 1.625
    });
    expect(priceInCurrency(tiered, 'JPY', rates, 'charm').model).toEqual({
      type: 'graduated',
      tiers: [
        { upTo: 1000, unitAmount: 0, flatAmount: 4690 }, // ¥4,713 → ¥4,690 (23 away; ¥4,790 is 77 away)
        { upTo: 10000, unitAmountDecimal: '0.56875' }, // usage rates are never charmed
        { upTo: null, unitAmount: 2 }, // below ¥100: unchanged
      ],
    });
  });

  it('converts per-unit and package models, charming headline amounts but not the minimum', () => {
    const seats: MultiCurrencyPrice = { ...base, id: 'price_seat', model: { type: 'per_unit', unitAmount: 1200 }, minimumAmount: 1000 };
    const converted = priceInCurrency(seats, 'RON', rates, 'charm');
    expect(converted.model).toEqual({ type: 'per_unit', unitAmount: 5999 }); // 1200 × 4.9765 = 5971.8 → 5972 → 59.99
    expect(converted.minimumAmount).toBe(4977); // 1000 × 4.9765 = 4976.5 → 4977, exact
    const pack: MultiCurrencyPrice = { ...base, id: 'price_pack', model: { type: 'package', packageAmount: 500, packageSize: 100, rounding: 'up' } };
    expect(priceInCurrency(pack, 'KWD', rates).model).toEqual({ type: 'package', packageAmount: 1661, packageSize: 100, rounding: 'up' }); // 500 × 0.3321 × 10 = 1660.5 → 1661
    const usage: MultiCurrencyPrice = { ...base, id: 'price_use', model: { type: 'per_unit', unitAmountDecimal: '0.0035' } };
    expect(priceInCurrency(usage, 'USD', rates, 'charm').model).toEqual({ type: 'per_unit', unitAmountDecimal: '0.0037975' }); // 0.0035 × 1.085
  });

  it('refuses a currency it has neither an option nor rates for', () => {
    expect(() => priceInCurrency(pro, 'JPY')).toThrow(expect.objectContaining({ code: 'currency_unavailable', param: 'currency' }));
    expect(() => priceInCurrency(pro, 'CHF', rates)).toThrow(expect.objectContaining({ code: 'rate_unavailable' }));
  });
});

describe('priceInCurrency properties', () => {
  it('converts a flat amount exactly as convert does, then charm as charmRound does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.constantFrom('USD', 'JPY', 'KWD', 'RON' as const), (amount, to) => {
        const price: MultiCurrencyPrice = { ...base, id: 'p', model: { type: 'flat', amount } };
        const exact = convert(amount, 'EUR', to, rates);
        expect(priceInCurrency(price, to, rates).model).toEqual({ type: 'flat', amount: exact });
        expect(priceInCurrency(price, to, rates, 'charm').model).toEqual({ type: 'flat', amount: charmRound(exact, to) });
      }),
    );
  });
});
