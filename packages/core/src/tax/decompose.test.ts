import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundMinor } from '../money/index.js';
import { decomposeInclusive, exclusiveTax } from './decompose.js';

/** Decimal percent strings from 0 to 100 with up to three decimals: "0", "19", "9.975". */
const ratePercent = fc
  .integer({ min: 0, max: 100_000 })
  .map((thousandths) => (thousandths / 1000).toFixed(3).replace(/\.?0+$/, '') || '0');

describe('exclusiveTax', () => {
  it('rounds once, half up away from zero', () => {
    expect(exclusiveTax(10_000, '19')).toBe(1900); // 10000 × 19% = 1900
    expect(exclusiveTax(10_000, '9.975')).toBe(998); // 10000 × 9.975% = 997.5 → 998
    expect(exclusiveTax(4999, '22')).toBe(1100); // 4999 × 22% = 1099.78 → 1100
    expect(exclusiveTax(-10_000, '9.975')).toBe(-998); // −997.5 → −998, away from zero
    expect(exclusiveTax(1, '19')).toBe(0); // 0.19 → 0
    expect(exclusiveTax(3, '25.5')).toBe(1); // 0.765 → 1
    expect(exclusiveTax(1234, '10')).toBe(123); // 123.4 → 123 (BHD fils)
    expect(exclusiveTax(1235, '10')).toBe(124); // 123.5 → 124
  });

  it('refuses rates that are not non-negative decimal strings', () => {
    expect(() => exclusiveTax(100, '-5')).toThrow(/non-negative/);
    expect(() => exclusiveTax(100, '5%')).toThrow(/non-negative/);
    expect(() => exclusiveTax(1.5, '5')).toThrow(/integer/);
  });

  it('is never negative for non-negative amounts, and never more than the amount at ≤ 100%', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), ratePercent, (amount, rate) => {
        const tax = exclusiveTax(amount, rate);
        expect(tax).toBeGreaterThanOrEqual(0);
        expect(tax).toBeLessThanOrEqual(amount);
        expect(tax).toBe(roundMinor(exactPercentOf(amount, rate)));
      }),
    );
  });
});

/** `amount × rate ÷ 100` as an exact decimal string, for the money module to round: an independent oracle. */
function exactPercentOf(amount: number, rate: string): string {
  const [whole = '0', fraction = ''] = rate.split('.');
  const scaled = BigInt(whole + fraction.padEnd(3, '0')); // rate × 1000
  const product = BigInt(amount) * scaled; // amount × rate × 1000
  const integer = product / 100_000n;
  const rest = (product % 100_000n).toString().padStart(5, '0');
  return `${integer}.${rest}`;
}

describe('decomposeInclusive', () => {
  it('splits one rate exactly: tax = gross − round(gross × 100 / (100 + rate))', () => {
    expect(decomposeInclusive(10_000, ['19'])).toEqual({ net: 8403, taxes: [1597] }); // 10000/1.19 = 8403.36 → 8403
    expect(decomposeInclusive(1100, ['10'])).toEqual({ net: 1000, taxes: [100] }); // ¥1100 / 1.1 = 1000
    expect(decomposeInclusive(999, ['21'])).toEqual({ net: 826, taxes: [173] }); // 999/1.21 = 825.62 → 826
    expect(decomposeInclusive(12_550, ['25.5'])).toEqual({ net: 10_000, taxes: [2550] }); // 12550/1.255 = 10000
    expect(decomposeInclusive(-10_000, ['19'])).toEqual({ net: -8403, taxes: [-1597] }); // credit, symmetric
  });

  it('splits several taxes by rate with largest remainder', () => {
    // 11498 / 1.14975 = 10000.43 → net 10000; tax 1498 split 5 : 9.975 →
    // 500.17 and 997.83 → floors 500 + 997 = 1497, the 1 left goes to .83 → [500, 998]
    expect(decomposeInclusive(11_498, ['5', '9.975'])).toEqual({ net: 10_000, taxes: [500, 998] });
    // 11200 / 1.12 = 10000; tax 1200 split 5 : 7 → 500 + 700
    expect(decomposeInclusive(11_200, ['5', '7'])).toEqual({ net: 10_000, taxes: [500, 700] });
  });

  it('keeps the gross as net when there is no tax', () => {
    expect(decomposeInclusive(1234, [])).toEqual({ net: 1234, taxes: [] });
    expect(decomposeInclusive(1234, ['0', '0'])).toEqual({ net: 1234, taxes: [0, 0] });
  });

  it('always decomposes into net + taxes === gross, for any gross and any rates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.array(ratePercent, { maxLength: 4 }),
        (gross, rates) => {
          const { net, taxes } = decomposeInclusive(gross, rates);
          expect(taxes).toHaveLength(rates.length);
          expect(net + taxes.reduce((a, b) => a + b, 0)).toBe(gross);
          for (const tax of taxes) expect(Math.sign(tax) * Math.sign(gross)).toBeGreaterThanOrEqual(0);
          rates.forEach((rate, i) => {
            if (Number(rate) === 0) expect(taxes[i]).toBe(0);
          });
        },
      ),
    );
  });

  it('matches the one-rate formula for every gross and rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), ratePercent, (gross, rate) => {
        const { net, taxes } = decomposeInclusive(gross, [rate]);
        // net = round(gross × 100 / (100 + rate)), computed here with the decimal library
        const expectedNet = roundMinorDiv(gross, rate);
        expect(net).toBe(expectedNet);
        expect(taxes).toEqual([gross - expectedNet]);
      }),
    );
  });
});

function roundMinorDiv(gross: number, rate: string): number {
  return roundMinor(String(roundMinorDecimal(gross, rate)));
}

function roundMinorDecimal(gross: number, rate: string): string {
  // gross × 100 / (100 + rate) truncated to 6 places: truncation never moves a value across the
  // .5 boundary, so half-up rounding of it decides like rounding the exact quotient.
  const denominator = BigInt(Math.round((100 + Number(rate)) * 1000)); // (100 + rate) × 1000
  const numerator = BigInt(gross) * 100_000n * 1_000_000n; // gross × 100 × 1000 × 10^6
  const q = numerator / denominator;
  const text = q.toString().padStart(7, '0');
  return `${text.slice(0, -6)}.${text.slice(-6)}`;
}
