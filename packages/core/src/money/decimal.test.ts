import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import BigImport from 'big.js';
import { InvalidInputError } from '../errors/index.js';
import { Decimal, isDecimalString, toDecimal } from './decimal.js';

describe('decimal strings', () => {
  it('accepts plain decimals and rejects exponents, blanks and floats with too many digits', () => {
    for (const ok of ['12', '0.0035', '-1.5', '0', '123456789012345.12345678901234567890']) {
      expect(isDecimalString(ok)).toBe(true);
    }
    for (const bad of [
      '',
      '1e3',
      '.5',
      '5.',
      '+1',
      '1,5',
      ' 1',
      'NaN',
      '1234567890123456',
      '0.123456789012345678901',
    ]) {
      expect(isDecimalString(bad)).toBe(false);
      expect(() => toDecimal(bad, 'unitAmountDecimal')).toThrow(InvalidInputError);
    }
  });

  it('parses exactly, without float error', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floats, exactly 0.3 in decimals
    expect(toDecimal('0.1').plus(toDecimal('0.2')).toString()).toBe('0.3');
    // 1,000,000 API calls at 0.0035 minor units = 3500 exactly
    expect(toDecimal('0.0035').times(1_000_000).toString()).toBe('3500');
    expect(toDecimal(42).toString()).toBe('42');
  });

  it('names the parameter at fault and refuses non-integer numbers', () => {
    expect(() => toDecimal(0.5, 'quantity')).toThrow(expect.objectContaining({ param: 'quantity' }));
  });

  it('divides to 40 places and is isolated from the global big.js configuration', () => {
    expect(new Decimal(1).div(3).toFixed().length).toBe(42); // "0." + 40 threes
    const globalBig = BigImport as unknown as { DP: number };
    const before = globalBig.DP;
    globalBig.DP = 2;
    try {
      expect(new Decimal(1).div(3).toFixed().length).toBe(42);
    } finally {
      globalBig.DP = before;
    }
  });

  it('round-trips every accepted string (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?[1-9]\d{0,14}\.\d{0,19}[1-9]$/), (value) => {
        expect(isDecimalString(value)).toBe(true);
        expect(toDecimal(value).toFixed()).toBe(value);
      }),
    );
  });
});
