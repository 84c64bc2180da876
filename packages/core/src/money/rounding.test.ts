import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { InvalidInputError, InvariantError } from '../errors/index.js';
import { Decimal } from './decimal.js';
import {
  ROUNDING_RULE,
  assertMinor,
  checkMinor,
  divideRoundHalfUp,
  roundMinor,
  scaleMinor,
} from './rounding.js';

/** Reference: round n/d half away from zero, written differently (floor of (2|n| + |d|) / 2|d|). */
function referenceDivide(n: bigint, d: bigint): bigint {
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const magnitude = (2n * abs(n) + abs(d)) / (2n * abs(d));
  return n < 0n !== d < 0n ? -magnitude : magnitude;
}

/** Reference for decimal strings: integer digits and fraction digits as one BigInt over 10^k. */
function referenceRound(value: string): number {
  const [whole = '0', fraction = ''] = value.split('.');
  const scaled = BigInt(`${whole}${fraction}`.replace(/^(-?)$/, '$10'));
  return Number(referenceDivide(scaled, 10n ** BigInt(fraction.length)));
}

const decimalString = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.stringMatching(/^\d{0,20}$/))
  .map(
    ([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`,
  );

describe('roundMinor', () => {
  it('names its rule', () => {
    expect(ROUNDING_RULE).toBe('half_up_away_from_zero');
  });

  it('rounds halves away from zero, for positive and negative amounts', () => {
    expect(roundMinor('2.5')).toBe(3); // 2.5 → 3 (up)
    expect(roundMinor('-2.5')).toBe(-3); // −2.5 → −3 (away from zero, not towards +∞)
    expect(roundMinor('0.5')).toBe(1);
    expect(roundMinor('-0.5')).toBe(-1);
    expect(roundMinor('3.5')).toBe(4); // not banker's rounding: 3.5 → 4 and 2.5 → 3 alike
    expect(roundMinor('1234.50000000000000000001')).toBe(1235);
  });

  it('rounds everything else to the nearest integer', () => {
    expect(roundMinor('2.4999999999')).toBe(2);
    expect(roundMinor('-2.4999999999')).toBe(-2);
    expect(roundMinor('2.5000000001')).toBe(3);
    expect(roundMinor('0.0035')).toBe(0); // a tenth of a third of a cent is nothing
    expect(roundMinor('7')).toBe(7);
    expect(roundMinor(-12)).toBe(-12);
    expect(roundMinor(new Decimal('1e3').div(3))).toBe(333); // 333.33… → 333
    expect(roundMinor(new Decimal('2e3').div(3))).toBe(667); // 666.66… → 667
  });

  it('never returns negative zero', () => {
    expect(Object.is(roundMinor('-0.4'), 0)).toBe(true); // −0.4 rounds to 0, not −0
    expect(Object.is(roundMinor('-0'), 0)).toBe(true);
  });

  it('rejects floats, garbage and results outside the safe integer range', () => {
    expect(() => roundMinor(2.5)).toThrow(InvalidInputError); // floats never carry money
    expect(() => roundMinor('1e3')).toThrow(InvalidInputError);
    expect(() => roundMinor('abc')).toThrow(InvalidInputError);
    expect(() => roundMinor(new Decimal('9007199254740993'))).toThrow(InvalidInputError); // 2^53 + 1
  });

  it('matches an integer reference on any decimal string (property)', () => {
    fc.assert(
      fc.property(decimalString, (value) => {
        expect(roundMinor(value)).toBe(referenceRound(value));
      }),
    );
  });

  it('is symmetric around zero: round(−x) = −round(x) (property)', () => {
    fc.assert(
      fc.property(decimalString, (value) => {
        const negated = value.startsWith('-') ? value.slice(1) : `-${value}`;
        expect(roundMinor(negated)).toBe(-roundMinor(value) || 0);
      }),
    );
  });
});

describe('scaleMinor', () => {
  it('scales amounts exactly and rounds once', () => {
    expect(scaleMinor(2900, 15, 31)).toBe(1403); // 2900 × 15 / 31 = 1403.2258… → 1403
    expect(scaleMinor(1000, 1, 8)).toBe(125); // 125 exactly
    expect(scaleMinor(5, 1, 2)).toBe(3); // 2.5 → 3
    expect(scaleMinor(-5, 1, 2)).toBe(-3); // −2.5 → −3
    expect(scaleMinor(5, -1, 2)).toBe(-3); // a negative numerator flips the sign the same way
    expect(scaleMinor(2999, 20, 100)).toBe(600); // 20 % of 29.99 = 599.8 → 600
    expect(scaleMinor(0, 7, 9)).toBe(0);
    // 30-day month, 17 days left, by the second: 2900 × 1_468_800 / 2_592_000 = 1643.33… → 1643
    expect(scaleMinor(2900, 1_468_800, 2_592_000)).toBe(1643);
  });

  it('stays exact where floats would not: large amount × large numerator', () => {
    // 9_007_199_254_740_991 × 3 overflows doubles; BigInt keeps it exact: (2^53 − 1) × 3 / 3
    expect(scaleMinor(Number.MAX_SAFE_INTEGER, 3, 3)).toBe(Number.MAX_SAFE_INTEGER);
    expect(scaleMinor(1, 10n ** 30n, 10n ** 30n)).toBe(1);
  });

  it('rejects non-integer amounts, zero denominators and results that are not safe integers', () => {
    expect(() => scaleMinor(1.5, 1, 2)).toThrow(InvalidInputError);
    expect(() => scaleMinor(100, 1, 0)).toThrow(InvalidInputError);
    expect(() => scaleMinor(100, 1.5, 2)).toThrow(InvalidInputError);
    expect(() => scaleMinor(Number.MAX_SAFE_INTEGER, 2, 1)).toThrow(InvalidInputError);
  });

  it('equals the BigInt reference for any amount and fraction (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }),
        fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }).filter((d) => d !== 0n),
        (amount, numerator, denominator) => {
          const expected = Number(referenceDivide(BigInt(amount) * numerator, denominator));
          if (Number.isSafeInteger(expected)) {
            expect(scaleMinor(amount, numerator, denominator)).toBe(expected === 0 ? 0 : expected);
          } else {
            expect(() => scaleMinor(amount, numerator, denominator)).toThrow(InvalidInputError);
          }
        },
      ),
    );
  });

  it('stays within half a unit of the exact value (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 1, max: 1e6 }),
        (amount, numerator, denominator) => {
          const scaled = BigInt(scaleMinor(amount, numerator, denominator));
          // |scaled·d − a·n| ≤ d/2  ⇔  |2·scaled·d − 2·a·n| ≤ d
          const error = 2n * scaled * BigInt(denominator) - 2n * BigInt(amount) * BigInt(numerator);
          expect(error < 0n ? -error : error).toBeLessThanOrEqual(BigInt(denominator));
        },
      ),
    );
  });
});

describe('divideRoundHalfUp', () => {
  it('rounds quotients half away from zero for every sign combination', () => {
    expect(divideRoundHalfUp(7n, 2n)).toBe(4n); // 3.5 → 4
    expect(divideRoundHalfUp(-7n, 2n)).toBe(-4n); // −3.5 → −4
    expect(divideRoundHalfUp(7n, -2n)).toBe(-4n);
    expect(divideRoundHalfUp(-7n, -2n)).toBe(4n);
    expect(divideRoundHalfUp(10n, 3n)).toBe(3n); // 3.33 → 3
    expect(divideRoundHalfUp(11n, 3n)).toBe(4n); // 3.67 → 4
    expect(divideRoundHalfUp(0n, 5n)).toBe(0n);
  });

  it('rejects division by zero', () => {
    expect(() => divideRoundHalfUp(1n, 0n)).toThrow(InvalidInputError);
  });

  it('equals the reference (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt(),
        fc.bigInt().filter((d) => d !== 0n),
        (n, d) => {
          expect(divideRoundHalfUp(n, d)).toBe(referenceDivide(n, d));
        },
      ),
    );
  });
});

describe('assertMinor and checkMinor', () => {
  it('pass safe integers through and reject the rest with the right error class', () => {
    expect(assertMinor(-42)).toBe(-42);
    expect(checkMinor(42, 'total')).toBe(42);
    for (const bad of [0.1, Number.NaN, Infinity, 2 ** 53]) {
      expect(() => assertMinor(bad, 'amount')).toThrow(InvalidInputError);
      expect(() => checkMinor(bad, 'total')).toThrow(InvariantError);
    }
    try {
      assertMinor(1.5, 'unitAmount');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ param: 'unitAmount', code: 'invalid_input' });
    }
  });
});
