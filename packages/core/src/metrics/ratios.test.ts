import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { InvalidInputError } from '../errors/index.js';
import { monthlyFactor } from './normalize.js';
import { arpa, arr, churnRate, customerLifetimeValue } from './ratios.js';

describe('arr', () => {
  it('is twelve times MRR', () => {
    expect(arr(7760)).toBe(93_120); // 7760 × 12
    expect(arr(0)).toBe(0);
    expect(arr(-500)).toBe(-6000);
    expect(() => arr(1.5)).toThrow(InvalidInputError);
    expect(() => arr(Number.MAX_SAFE_INTEGER)).toThrow(InvalidInputError);
  });
});

describe('arpa', () => {
  it('divides MRR by accounts, rounded once', () => {
    expect(arpa(10_000, 3)).toBe(3333); // 3333.33
    expect(arpa(20_000, 3)).toBe(6667); // 6666.67
    expect(arpa(5, 2)).toBe(3); // 2.5 → 3
    expect(arpa(10_000, 0)).toBe(0);
    expect(() => arpa(100, -1)).toThrow(InvalidInputError);
  });
});

describe('churnRate', () => {
  it('is lost accounts over accounts at the start', () => {
    expect(churnRate(5, 100)).toBe(0.05);
    expect(churnRate(0, 100)).toBe(0);
    expect(churnRate(0, 0)).toBeNull();
    expect(() => churnRate(101, 100)).toThrow(InvalidInputError);
    expect(() => churnRate(1.5, 100)).toThrow(InvalidInputError);
  });
});

describe('customerLifetimeValue', () => {
  it('is ARPA ÷ churn rate, exact from the counts', () => {
    expect(customerLifetimeValue(4000, 5, 100)).toBe(80_000); // 4000 / 0.05 = 20 months × 4000
    expect(customerLifetimeValue(2900, 3, 100)).toBe(96_667); // 2900 × 100 / 3 = 96666.67
    expect(customerLifetimeValue(2900, 0, 100)).toBeNull(); // no churn: unbounded lifetime
    expect(() => customerLifetimeValue(2900, 5, 0)).toThrow(InvalidInputError);
  });

  it('equals ARPA × start ÷ churned within half a unit (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 1, max: 1e5 }),
        fc.integer({ min: 0, max: 1e5 }),
        (arpaMinor, churned, extra) => {
          const start = churned + extra;
          const value = customerLifetimeValue(arpaMinor, churned, start)!;
          // |value × churned − arpa × start| ≤ churned / 2
          expect(Math.abs(value * churned - arpaMinor * start) * 2).toBeLessThanOrEqual(churned);
        },
      ),
    );
  });
});

describe('monthlyFactor', () => {
  it('states the conventions as exact fractions', () => {
    expect(monthlyFactor({ unit: 'month', count: 3 })).toEqual({ numerator: 1n, denominator: 3n });
    expect(monthlyFactor({ unit: 'year', count: 1 })).toEqual({ numerator: 1n, denominator: 12n });
    expect(monthlyFactor({ unit: 'week', count: 1 })).toEqual({ numerator: 13n, denominator: 3n }); // 52/12
    expect(monthlyFactor({ unit: 'day', count: 1 })).toEqual({ numerator: 365n, denominator: 12n });
    expect(() => monthlyFactor({ unit: 'month', count: 0 })).toThrow(InvalidInputError);
  });
});
