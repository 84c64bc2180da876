import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyExponent, divideRoundHalfUp, type CurrencyCode } from '../money/index.js';
import { convert, convertDecimalString, toReportingCurrency, type ExchangeRateTable } from './rates.js';

const table: ExchangeRateTable = {
  base: 'EUR',
  rates: { USD: '1.085', JPY: '162.5', KWD: '0.3321', RON: '4.9765', GBP: '0.8432', BAD: 'abc', ZERO: '0' },
  asOfMs: Date.UTC(2025, 5, 2),
  source: 'test',
};

describe('convert', () => {
  it('converts across exponents through the base', () => {
    expect(convert(1000, 'EUR', 'JPY', table)).toBe(1625); // €10.00 = 1000 × 162.5 ÷ 10² = ¥1625
    expect(convert(1999, 'EUR', 'JPY', table)).toBe(3248); // 1999 × 162.5 ÷ 100 = 3248.375 → 3248
    expect(convert(1625, 'JPY', 'EUR', table)).toBe(1000); // 1625 × 10² ÷ 162.5 = 1000 cents
    expect(convert(1000, 'EUR', 'KWD', table)).toBe(3321); // 1000 × 0.3321 × 10³ ÷ 10² = 3321 fils
    expect(convert(1625, 'JPY', 'KWD', table)).toBe(3321); // 1625 × 0.3321 × 10³ ÷ 162.5 = 3321 fils
    expect(convert(3321, 'KWD', 'JPY', table)).toBe(1625); // 3321 × 162.5 ÷ (0.3321 × 10³) = 1625
    expect(convert(1085, 'USD', 'JPY', table)).toBe(1625); // 1085 × 162.5 ÷ (1.085 × 10²) = 1625
    expect(convert(2900, 'EUR', 'RON', table)).toBe(14432); // 2900 × 4.9765 = 14431.85 → 14432 bani
    expect(convert(1000, 'USD', 'GBP', table)).toBe(777); // 1000 × 0.8432 ÷ 1.085 = 777.14… → 777 pence
  });

  it('rounds once, half-up away from zero', () => {
    const tie: ExchangeRateTable = { ...table, rates: { JPY: '150' } };
    expect(convert(1, 'EUR', 'JPY', tie)).toBe(2); // 1 × 150 ÷ 100 = 1.5 → 2
    expect(convert(-1, 'EUR', 'JPY', tie)).toBe(-2); // −1.5 → −2
    expect(convert(3, 'EUR', 'JPY', tie)).toBe(5); // 4.5 → 5
    expect(convert(0, 'EUR', 'JPY', tie)).toBe(0);
  });

  it('is the identity within one currency, even without a rate', () => {
    expect(convert(1234, 'CHF', 'CHF', table)).toBe(1234);
  });

  it('rejects missing and malformed rates and non-integer amounts', () => {
    expect(() => convert(100, 'EUR', 'CHF', table)).toThrow(expect.objectContaining({ code: 'rate_unavailable', param: 'rates' }));
    expect(() => convert(100, 'EUR', 'BAD' as CurrencyCode, table)).toThrow(/positive decimal/);
    expect(() => convert(100, 'ZERO' as CurrencyCode, 'EUR', table)).toThrow(/positive decimal/);
    expect(() => convert(1.5, 'EUR', 'USD', table)).toThrow(expect.objectContaining({ param: 'amountMinor' }));
    expect(() => convert(Number.MAX_SAFE_INTEGER, 'EUR', 'JPY', table)).toThrow(/out of range/);
  });

  it('converts for reporting with the same arithmetic', () => {
    expect(toReportingCurrency(14432, 'RON', 'EUR', table)).toBe(2900); // 14432 ÷ 4.9765 = 2900.03 → 2900
  });
});

describe('convertDecimalString', () => {
  it('keeps usage rates as decimal strings', () => {
    expect(convertDecimalString('0.35', 'EUR', 'JPY', table)).toBe('0.56875'); // 0.35 × 162.5 ÷ 100
    expect(convertDecimalString('1', 'EUR', 'USD', table)).toBe('1.085');
    // 1 ÷ 1.085 = 0.92165898617511520737…, kept to 12 places
    expect(convertDecimalString('1', 'USD', 'EUR', table)).toBe('0.921658986175');
    expect(convertDecimalString('0.0035', 'EUR', 'EUR', table)).toBe('0.0035');
  });
});

/** An independent oracle: the exact rational in BigInt, one half-up division. */
function oracle(amount: number, from: CurrencyCode, to: CurrencyCode, rates: Record<string, string>): number {
  const frac = (code: CurrencyCode): [bigint, bigint] => {
    const text = code === 'EUR' ? '1' : rates[code]!;
    const [whole, fraction = ''] = text.split('.');
    return [BigInt(whole! + fraction), 10n ** BigInt(fraction.length)];
  };
  const [nFrom, dFrom] = frac(from);
  const [nTo, dTo] = frac(to);
  const numerator = BigInt(amount) * nTo * dFrom * 10n ** BigInt(currencyExponent(to));
  const denominator = dTo * nFrom * 10n ** BigInt(currencyExponent(from));
  return Number(divideRoundHalfUp(numerator, denominator));
}

const codes: CurrencyCode[] = ['EUR', 'USD', 'JPY', 'KWD', 'CLF'];
const rateString = fc
  .tuple(fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 0, max: 8 }))
  .map(([digits, scale]) => {
    const text = digits.toString().padStart(scale + 1, '0');
    return scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`;
  });
const arbTable = fc.record({ USD: rateString, JPY: rateString, KWD: rateString, CLF: rateString });
const amount = fc.integer({ min: -1e12, max: 1e12 });

describe('convert properties', () => {
  it('equals the exact rational rounded once (BigInt oracle)', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom(...codes), fc.constantFrom(...codes), arbTable, (a, from, to, rates) => {
        const t: ExchangeRateTable = { base: 'EUR', rates, asOfMs: 0, source: 'p' };
        const expected = oracle(a, from, to, rates);
        // Far-apart rates can push an amount beyond safe integers; convert refuses those (tested above).
        fc.pre(Number.isSafeInteger(expected));
        expect(convert(a, from, to, t)).toBe(expected);
      }),
    );
  });

  it('is odd and monotone', () => {
    fc.assert(
      fc.property(amount, amount, fc.constantFrom(...codes), fc.constantFrom(...codes), arbTable, (a, b, from, to, rates) => {
        const t: ExchangeRateTable = { base: 'EUR', rates, asOfMs: 0, source: 'p' };
        fc.pre(Number.isSafeInteger(oracle(a, from, to, rates)) && Number.isSafeInteger(oracle(b, from, to, rates)));
        expect(convert(-a, from, to, t) + convert(a, from, to, t)).toBe(0);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(convert(lo, from, to, t)).toBeLessThanOrEqual(convert(hi, from, to, t));
      }),
    );
  });
});
