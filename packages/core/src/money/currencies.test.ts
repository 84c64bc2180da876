import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { InvalidInputError } from '../errors/index.js';
import { currencyCodes, currencyExponent, isCurrencyCode } from './currencies.js';

describe('currency table', () => {
  it('knows the ISO 4217 exponents of the usual suspects', () => {
    expect(currencyExponent('JPY')).toBe(0); // 1 yen is the smallest unit
    expect(currencyExponent('KRW')).toBe(0);
    expect(currencyExponent('EUR')).toBe(2); // 1 euro = 100 cents
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('RON')).toBe(2);
    expect(currencyExponent('KWD')).toBe(3); // 1 dinar = 1000 fils
    expect(currencyExponent('BHD')).toBe(3);
    expect(currencyExponent('CLF')).toBe(4);
  });

  it('rejects unknown, lower-case and malformed codes with a typed error', () => {
    for (const code of ['eur', 'XXX', 'EURO', '', 'E1R', 'XAU']) {
      expect(() => currencyExponent(code)).toThrow(InvalidInputError);
      expect(isCurrencyCode(code)).toBe(false);
    }
    try {
      currencyExponent('ABC');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_currency', param: 'currency' });
    }
  });

  it('lists every code once, sorted, as three upper-case letters with an exponent of 0 to 4', () => {
    expect(new Set(currencyCodes).size).toBe(currencyCodes.length);
    expect([...currencyCodes].sort()).toEqual(currencyCodes);
    expect(currencyCodes.length).toBeGreaterThan(150);
    for (const code of currencyCodes) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect(isCurrencyCode(code)).toBe(true);
      expect([0, 2, 3, 4]).toContain(currencyExponent(code));
    }
  });

  it('agrees with Intl on the number of fraction digits of every code Intl knows', () => {
    // Intl follows CLDR, which shows these cash-rounded currencies without decimals although
    // ISO 4217 (our source) gives them minor units.
    const cldrDiffers = new Set([
      'AFN',
      'ALL',
      'COP',
      'HUF',
      'IDR',
      'IQD',
      'IRR',
      'KPW',
      'LAK',
      'LBP',
      'MGA',
      'MMK',
      'PKR',
      'SOS',
      'SYP',
      'YER',
    ]);
    for (const code of currencyCodes) {
      if (cldrDiffers.has(code)) continue;
      const digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits;
      expect([code, digits]).toEqual([code, currencyExponent(code)]);
    }
  });

  it('accepts exactly the listed codes (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 4 }), (code) => {
        expect(isCurrencyCode(code)).toBe((currencyCodes as readonly string[]).includes(code));
      }),
    );
  });
});
