import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Price } from '../catalog/index.js';
import { priceAmount } from '../pricing/index.js';
import { describePeriod, linesForItems, usageLine } from './lines.js';

const period = { startMs: Date.UTC(2026, 10, 26), endMs: Date.UTC(2026, 11, 26) };
const pro: Price = {
  id: 'price_pro',
  productId: 'prod_pro',
  currency: 'EUR',
  model: { type: 'per_unit', unitAmount: 1500 },
  recurring: { interval: { unit: 'month', count: 1 }, usageType: 'licensed' },
  taxBehavior: 'unspecified',
  taxCode: 'saas',
};
const base: Price = { ...pro, id: 'price_base', productId: 'prod_base', model: { type: 'flat', amount: 900 }, taxBehavior: 'inclusive' };
const calls: Price = {
  ...pro,
  id: 'price_calls',
  productId: 'prod_calls',
  model: { type: 'graduated', tiers: [{ upTo: 10_000, unitAmount: 0 }, { upTo: null, unitAmountDecimal: '0.2' }] },
  recurring: { interval: { unit: 'month', count: 1 }, usageType: 'metered', aggregation: 'sum' },
  taxBehavior: 'exclusive',
};
const names = { prod_pro: 'Pro', prod_base: 'Base', prod_calls: 'API calls' };

describe('linesForItems', () => {
  it('prices licensed items in advance with readable descriptions', () => {
    const lines = linesForItems([{ price: pro, quantity: 3 }, { price: base, quantity: 1 }], period, { productNames: names });
    expect(lines).toEqual([
      {
        kind: 'subscription',
        description: 'Pro × 3 (26 Nov 2026 – 26 Dec 2026)',
        amount: 4500, // 3 × 1500
        quantity: 3,
        priceId: 'price_pro',
        productId: 'prod_pro',
        period,
        taxBehavior: 'exclusive', // unspecified → the default
        taxCode: 'saas',
      },
      expect.objectContaining({ description: 'Base (26 Nov 2026 – 26 Dec 2026)', amount: 900, taxBehavior: 'inclusive' }),
    ]);
  });

  it('resolves unspecified tax behavior with the seller default and writes dates in the time zone', () => {
    const [l] = linesForItems([{ price: pro, quantity: 1 }], period, { defaultTaxBehavior: 'inclusive', timeZone: 'Pacific/Auckland' });
    expect(l?.taxBehavior).toBe('inclusive');
    // 26 Nov 00:00 UTC is 26 Nov 13:00 in Auckland (UTC+13)
    expect(l?.description).toBe('prod_pro × 1 (26 Nov 2026 – 26 Dec 2026)');
    expect(describePeriod(period, 'America/Los_Angeles')).toBe('25 Nov 2026 – 25 Dec 2026'); // 16:00 the day before
  });

  it('refuses metered, one-time and mixed-currency items, and empty periods', () => {
    expect(() => linesForItems([{ price: calls, quantity: 1 }], period)).toThrow(expect.objectContaining({ param: 'items[0].price' }));
    expect(() => linesForItems([{ price: { ...pro, recurring: null }, quantity: 1 }], period)).toThrow(expect.objectContaining({ param: 'items[0].price' }));
    expect(() => linesForItems([{ price: pro, quantity: 1 }, { price: { ...base, currency: 'USD' }, quantity: 1 }], period)).toThrow(
      expect.objectContaining({ param: 'items[1].price.currency' }),
    );
    expect(() => linesForItems([], { startMs: 5, endMs: 5 })).toThrow(expect.objectContaining({ param: 'period' }));
    expect(() => linesForItems([{ price: pro, quantity: -1 }], period)).toThrow(expect.objectContaining({ param: 'quantity' }));
  });

  it('line amount equals priceAmount for any quantity (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), (q) => {
        expect(linesForItems([{ price: pro, quantity: q }], period)[0]?.amount).toBe(priceAmount(pro, q));
      }),
    );
  });
});

describe('usageLine', () => {
  it('bills metered usage in arrears', () => {
    const l = usageLine(calls, 12_500, { startMs: Date.UTC(2026, 10, 1), endMs: Date.UTC(2026, 11, 1) }, { productNames: names });
    // 10,000 free + 2,500 × 0.2 = 500
    expect(l).toMatchObject({ kind: 'usage', amount: 500, quantity: 12_500, description: 'API calls × 12500 (1 Nov 2026 – 1 Dec 2026)', taxBehavior: 'exclusive' });
  });
  it('refuses licensed prices', () => {
    expect(() => usageLine(pro, 1, period)).toThrow(expect.objectContaining({ param: 'price' }));
  });
});
