import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRounding, charmRound } from './charm.js';

describe('charmRound', () => {
  it('rounds 2-decimal currencies to the nearest .99 from 1 major unit', () => {
    expect(charmRound(2873, 'EUR')).toBe(2899); // 28.73 → 28.99 (0.26 away; 27.99 is 0.74 away)
    expect(charmRound(2840, 'USD')).toBe(2799); // 28.40 → 27.99 (0.41 away; 28.99 is 0.59 away)
    expect(charmRound(2849, 'RON')).toBe(2899); // 28.49: 27.99 and 28.99 both 0.50 away, tie goes up
    expect(charmRound(2899, 'EUR')).toBe(2899); // already charming
    expect(charmRound(3000, 'EUR')).toBe(2999); // 30.00 → 29.99
    expect(charmRound(100, 'EUR')).toBe(99); // 1.00 → 0.99
    expect(charmRound(99, 'EUR')).toBe(99); // below 1 major unit: unchanged
    expect(charmRound(35, 'EUR')).toBe(35); // 0.35 stays exact
  });

  it('rounds 0-decimal currencies to two digits, a 9, then zeros', () => {
    expect(charmRound(498, 'JPY')).toBe(499); // step 10: 489 | 499
    expect(charmRound(3180, 'JPY')).toBe(3190); // step 100: 3090 | 3190, 10 away
    expect(charmRound(16250, 'JPY')).toBe(15900); // step 1000: 15900 (350 away) | 16900 (650 away)
    expect(charmRound(19420, 'KRW')).toBe(19900); // 19900 (480) | 18900 (520)
    expect(charmRound(129400, 'JPY')).toBe(129000); // step 10000: 129000 (400) | 139000
    expect(charmRound(100400, 'JPY')).toBe(99900); // 99900 (500) beats 109000 (8600)
    expect(charmRound(1040, 'JPY')).toBe(999); // 999 (41) beats 1090 (50)
    expect(charmRound(1045, 'JPY')).toBe(1090); // 1090 (45) beats 999 (46)
    expect(charmRound(100, 'JPY')).toBe(99);
    expect(charmRound(98, 'JPY')).toBe(98); // below 100 units: unchanged
  });

  it('rounds 3-decimal currencies to the nearest .990 and leaves 4-decimal ones alone', () => {
    expect(charmRound(3456, 'KWD')).toBe(2990); // 3.456 → 2.990 (0.466 away; 3.990 is 0.534 away)
    expect(charmRound(3500, 'BHD')).toBe(3990); // 3.500: 2.990 and 3.990 tie at 0.510 → up
    expect(charmRound(999, 'KWD')).toBe(999); // below 1 major unit
    expect(charmRound(12345, 'CLF')).toBe(12345);
  });

  it('leaves zero and credits alone, and exact leaves everything alone', () => {
    expect(charmRound(0, 'EUR')).toBe(0);
    expect(charmRound(-2873, 'EUR')).toBe(-2873);
    expect(applyRounding(2873, 'EUR', 'exact')).toBe(2873);
    expect(applyRounding(2873, 'EUR', 'charm')).toBe(2899);
  });
});

const positive = fc.integer({ min: 0, max: 1e13 });

describe('charmRound properties', () => {
  it('is idempotent and monotone in every exponent class', () => {
    fc.assert(
      fc.property(positive, positive, fc.constantFrom('EUR', 'JPY', 'KWD', 'CLF') , (a, b, currency) => {
        expect(charmRound(charmRound(a, currency), currency)).toBe(charmRound(a, currency));
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(charmRound(lo, currency)).toBeLessThanOrEqual(charmRound(hi, currency));
      }),
    );
  });

  it('ends in .99 within half a major unit for 2-decimal currencies', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 1e13 }), (a) => {
        const r = charmRound(a, 'EUR');
        expect(r % 100).toBe(99);
        expect(Math.abs(r - a)).toBeLessThanOrEqual(50);
      }),
    );
  });

  it('moves 0-decimal amounts by at most half a step of their magnitude and ends in 9 then zeros', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 1e13 }), (a) => {
        const r = charmRound(a, 'JPY');
        // The 9 sits in the third significant place, so trailing digits after it are zeros.
        expect(String(r)).toMatch(/^\d{2}90*$|^99$/);
        const step = 10 ** (String(a).length - 2);
        expect(Math.abs(r - a)).toBeLessThanOrEqual(step / 2);
      }),
    );
  });
});
