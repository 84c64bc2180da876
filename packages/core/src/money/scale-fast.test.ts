import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { divideRoundHalfUp, scaleMinor } from './rounding.js';

/** `scaleMinor` as first written, all in BigInt: the reference for its plain-number fast path. */
function referenceScaleMinor(amount: number, numerator: number, denominator: number): number {
  const result = Number(divideRoundHalfUp(BigInt(amount) * BigInt(numerator), BigInt(denominator)));
  if (!Number.isSafeInteger(result)) throw new Error('out of range');
  return result;
}

const outcome = (run: () => number): unknown => {
  try {
    return run();
  } catch {
    return 'throws';
  }
};

describe('scaleMinor against its BigInt reference', () => {
  it('scales identically on both sides of the 2^53 bound, any signs (property)', () => {
    const int = (max: number) => fc.integer({ min: -max, max });
    const amount = fc.oneof(int(10_000), int(1e9), int(Number.MAX_SAFE_INTEGER));
    const ratio = fc.oneof(int(100), int(3_000_000), int(Number.MAX_SAFE_INTEGER));
    fc.assert(
      fc.property(amount, ratio, ratio.filter((d) => d !== 0), (a, n, d) => {
        expect(outcome(() => scaleMinor(a, n, d))).toEqual(outcome(() => referenceScaleMinor(a, n, d)));
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds ties away from zero and never answers −0', () => {
    expect(scaleMinor(-5, -1, -2)).toBe(-3); // (−5 × −1) / −2 = −2.5 → −3
    expect(scaleMinor(5, -1, -2)).toBe(3); // 2.5 → 3
    expect(Object.is(scaleMinor(-1, 1, 3), 0)).toBe(true); // −0.33 → 0, not −0
  });
});
