import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Price } from '../catalog/index.js';
import type { TaxSeller } from '../tax/index.js';
import type { Interval } from '../time/index.js';
import { resolvePrices } from './resolve.js';
import { yearlySavingPercent } from './saving.js';
import type { ResolvedPrice } from './types.js';

const atMs = Date.UTC(2025, 8, 15);
const seller: TaxSeller = { country: 'DE', registrations: [{ country: 'DE', type: 'oss' }] };

function flat(id: string, amount: number, interval: Interval, taxBehavior: Price['taxBehavior'] = 'exclusive'): Price {
  return { id, productId: 'prod_pro', currency: 'EUR', model: { type: 'flat', amount }, recurring: { interval, usageType: 'licensed' }, taxBehavior };
}
const month: Interval = { unit: 'month', count: 1 };
const year: Interval = { unit: 'year', count: 1 };

/** Minimal resolved price for arithmetic-only cases. */
function shown(displayAmount: number, interval: Interval | null, currency: ResolvedPrice['currency'] = 'EUR'): ResolvedPrice {
  return { displayAmount, interval, currency } as ResolvedPrice;
}

describe('yearlySavingPercent', () => {
  it('compares a year on each price from the amounts the cards show, rounding down', () => {
    const { prices } = resolvePrices({
      prices: [flat('m', 2900, month), flat('y', 29000, year), flat('m2', 1000, month), flat('y2', 9960, year)],
      country: 'FR', business: false, atMs, seller,
    });
    const [m, y, m2, y2] = prices as [ResolvedPrice, ResolvedPrice, ResolvedPrice, ResolvedPrice];
    expect(yearlySavingPercent(m, y)).toBe(16); // 12 × 2900 = 34800; 5800 ÷ 34800 = 16.67 % → 16
    expect(yearlySavingPercent(m2, y2)).toBe(17); // 12 × 1000 = 12000; 2040 ÷ 12000 = 17 % exactly
  });

  it('uses gross amounts for tax-inclusive cards', () => {
    const { prices } = resolvePrices({
      prices: [flat('m', 2900, month, 'inclusive'), flat('y', 29000, year, 'inclusive')],
      country: 'FR', business: false, atMs, seller,
    });
    expect(prices[0]!.displayAmount).toBe(2900);
    expect(yearlySavingPercent(prices[0]!, prices[1]!)).toBe(16);
  });

  it('handles other month multiples, no saving, free plans and bad inputs', () => {
    expect(yearlySavingPercent(shown(3000, { unit: 'month', count: 3 }), shown(10000, { unit: 'year', count: 1 }))).toBe(16);
    // quarterly 3000 → a year is 4 × 3000 = 12000; 2000 ÷ 12000 = 16.67 % → 16
    expect(yearlySavingPercent(shown(1000, month), shown(12000, year))).toBe(0);
    expect(yearlySavingPercent(shown(1000, month), shown(13000, year))).toBe(0); // dearer: no saving, not negative
    expect(yearlySavingPercent(shown(0, month), shown(0, year))).toBe(0);
    expect(yearlySavingPercent(shown(1000, month), shown(0, year))).toBe(100);
    expect(() => yearlySavingPercent(shown(1000, { unit: 'week', count: 1 }), shown(9000, year))).toThrow(expect.objectContaining({ param: 'monthly' }));
    expect(() => yearlySavingPercent(shown(1000, month), shown(9000, null))).toThrow(expect.objectContaining({ param: 'yearly' }));
    expect(() => yearlySavingPercent(shown(1000, month), shown(9000, year, 'USD'))).toThrow(/Cannot compare/);
  });

  it('never overstates the saving and never exceeds 100 %', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 2e10 }), (m, y) => {
        const p = yearlySavingPercent(shown(m, month), shown(y, year));
        expect(Number.isInteger(p) && p >= 0 && p <= 100).toBe(true);
        const saved = 12 * m - y;
        if (saved > 0) {
          expect(p * 12 * m).toBeLessThanOrEqual(saved * 100); // p ≤ true percent
          expect((p + 1) * 12 * m).toBeGreaterThan(saved * 100); // and the largest such integer
        } else {
          expect(p).toBe(0);
        }
      }),
    );
  });
});
