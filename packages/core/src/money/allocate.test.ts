import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { InvalidInputError } from '../errors/index.js';
import { allocate } from './allocate.js';

const sum = (parts: readonly number[]) => parts.reduce((a, b) => a + b, 0);

describe('allocate', () => {
  it('splits by largest remainder, ties to the earlier part', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]); // 33.33 each, 1 left → first
    expect(allocate(200, [1, 1, 1])).toEqual([67, 67, 66]); // 66.67 each, 2 left → first two
    expect(allocate(1000, [70, 30])).toEqual([700, 300]); // exact
    expect(allocate(-1000, [70, 30])).toEqual([-700, -300]);
    // 10 × [1,2,3]/6 = 1.67, 3.33, 5 → floors 1, 3, 5 (9); remainders .67 .33 0 → first gets 1
    expect(allocate(10, [1, 2, 3])).toEqual([2, 3, 5]);
    // 5 over 1 : 1 : 2 = 1.25, 1.25, 2.5 → floors 1, 1, 2 (4); largest remainder .5 → third
    expect(allocate(5, [1, 1, 2])).toEqual([1, 1, 3]);
    // A negative total splits like its absolute value: −100 → −34, −33, −33
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
  });

  it('gives zero weights nothing and splits evenly over all-zero weights', () => {
    expect(allocate(10, [0, 1, 0])).toEqual([0, 10, 0]);
    expect(allocate(10, [0, 0, 0])).toEqual([4, 3, 3]); // 3.33 each, 1 left → first
    expect(allocate(0, [5, 5])).toEqual([0, 0]);
    expect(allocate(0, [])).toEqual([]);
  });

  it('accepts bigint weights beyond the safe range (seconds × amounts)', () => {
    const huge = 10n ** 30n;
    expect(allocate(3, [huge, huge, huge])).toEqual([1, 1, 1]);
    expect(allocate(10, [huge, 3n * huge])).toEqual([3, 7]); // 2.5 / 7.5 → tie .5/.5 → first
  });

  it('never returns negative zero', () => {
    for (const part of allocate(-1, [1, 1, 1])) expect(Object.is(part, -0)).toBe(false);
  });

  it('rejects bad inputs', () => {
    expect(() => allocate(10, [])).toThrow(InvalidInputError);
    expect(() => allocate(10, [1, -1])).toThrow(InvalidInputError);
    expect(() => allocate(10, [1.5])).toThrow(InvalidInputError);
    expect(() => allocate(1.5, [1])).toThrow(InvalidInputError);
  });

  const total = fc.integer({ min: -1e12, max: 1e12 });
  const weights = fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 40 });

  it('always sums exactly to the total (property)', () => {
    fc.assert(
      fc.property(total, weights, (amount, ws) => {
        const parts = allocate(amount, ws);
        expect(parts).toHaveLength(ws.length);
        expect(sum(parts)).toBe(amount);
      }),
    );
  });

  it('keeps each part within 1 of its exact share, with the total’s sign (property)', () => {
    fc.assert(
      fc.property(total, weights, (amount, ws) => {
        const parts = allocate(amount, ws);
        const effective = ws.every((w) => w === 0) ? ws.map(() => 1) : ws;
        const weightSum = BigInt(sum(effective));
        parts.forEach((part, i) => {
          // |part − amount·w/W| < 1  ⇔  |part·W − amount·w| < W
          const diff = BigInt(part) * weightSum - BigInt(amount) * BigInt(effective[i]!);
          expect(diff < 0n ? -diff : diff).toBeLessThan(weightSum);
          if (amount > 0) expect(part).toBeGreaterThanOrEqual(0);
          if (amount < 0) expect(part).toBeLessThanOrEqual(0);
        });
      }),
    );
  });

  it('is deterministic and symmetric under negation (property)', () => {
    fc.assert(
      fc.property(total, weights, (amount, ws) => {
        const parts = allocate(amount, ws);
        expect(allocate(amount, [...ws])).toEqual(parts);
        expect(allocate(-amount, ws)).toEqual(parts.map((p) => -p || 0));
      }),
    );
  });

  it('gives equal weights parts that differ by at most 1, larger ones first (property)', () => {
    fc.assert(
      fc.property(
        total,
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 1000 }),
        (amount, n, w) => {
          const parts = allocate(
            amount,
            Array.from({ length: n }, () => w),
          );
          const abs = parts.map(Math.abs);
          expect(Math.max(...abs) - Math.min(...abs)).toBeLessThanOrEqual(1);
          expect([...abs].sort((a, b) => b - a)).toEqual(abs);
        },
      ),
    );
  });
});
