import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { allocate } from './allocate.js';

/** `allocate` as first written, all in BigInt: the reference for its plain-number fast path. */
function referenceAllocate(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const big = weights.map((w) => BigInt(w));
  let sum = big.reduce((a, b) => a + b, 0n);
  const effective = sum === 0n ? big.map(() => 1n) : big;
  if (sum === 0n) sum = BigInt(big.length);
  const sign = total < 0 ? -1n : 1n;
  const absolute = BigInt(total) * sign;
  const parts = effective.map((w) => (absolute * w) / sum);
  const remainders = effective.map((w, index) => ({ index, remainder: (absolute * w) % sum }));
  let left = absolute - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (let k = 0; left > 0n; k++, left--) parts[remainders[k]!.index]! += 1n;
  return parts.map((p) => {
    const n = Number(p * sign);
    return n === 0 ? 0 : n;
  });
}

describe('allocate against its BigInt reference', () => {
  it('splits identically on both sides of the 2^53 bound, few parts or many (property)', () => {
    const total = fc.oneof(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }));
    const weight = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
    fc.assert(
      fc.property(total, fc.array(weight, { minLength: 1, maxLength: 80 }), (amount, ws) => {
        expect(allocate(amount, ws)).toEqual(referenceAllocate(amount, ws));
      }),
      { numRuns: 500 },
    );
  });

  it('hands many leftover units out by remainder, ties to the earlier part', () => {
    // 50 over 60 equal weights: 0.83 each, all 50 units go to the first 50 parts
    expect(allocate(50, Array.from({ length: 60 }, () => 7))).toEqual([...Array.from({ length: 50 }, () => 1), ...Array.from({ length: 10 }, () => 0)]);
    expect(allocate(-50, Array.from({ length: 60 }, () => 7))).toEqual(referenceAllocate(-50, Array.from({ length: 60 }, () => 7)));
  });
});
