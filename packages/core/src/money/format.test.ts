import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { InvalidInputError } from '../errors/index.js';
import { currencyExponent } from './currencies.js';
import { formatMoney, toMajorString } from './format.js';

/** Intl separates number and symbol with a no-break space (U+00A0) in most European locales. */
const nbsp = '\u00a0';

describe('toMajorString', () => {
  it('places the decimal point by the currency exponent', () => {
    expect(toMajorString(2999, 'EUR')).toBe('29.99');
    expect(toMajorString(5, 'EUR')).toBe('0.05');
    expect(toMajorString(-5, 'EUR')).toBe('-0.05');
    expect(toMajorString(0, 'EUR')).toBe('0.00');
    expect(toMajorString(500, 'JPY')).toBe('500'); // exponent 0: no point
    expect(toMajorString(-1, 'KWD')).toBe('-0.001'); // exponent 3: 1 fils
    expect(toMajorString(1234567, 'KWD')).toBe('1234.567');
    expect(toMajorString(Number.MAX_SAFE_INTEGER, 'USD')).toBe('90071992547409.91');
  });

  it('rejects non-integer amounts and unknown currencies', () => {
    expect(() => toMajorString(1.5, 'EUR')).toThrow(InvalidInputError);
    expect(() => toMajorString(1, 'EURO')).toThrow(InvalidInputError);
  });

  it('is exact: parsing the string back gives the minor amount (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('JPY', 'EUR', 'KWD', 'CLF'),
        (amount, currency) => {
          const major = toMajorString(amount, currency);
          const exponent = currencyExponent(currency);
          expect(major).toMatch(exponent === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${exponent}}$`));
          expect(BigInt(major.replace('.', ''))).toBe(BigInt(amount));
        },
      ),
    );
  });
});

describe('formatMoney', () => {
  it('formats in the customer’s locale', () => {
    expect(formatMoney(2900, 'USD', 'en-US')).toBe('$29.00');
    expect(formatMoney(2900, 'EUR', 'en-IE')).toBe('€29.00');
    expect(formatMoney(2900, 'EUR', 'ro')).toBe(`29,00${nbsp}€`); // symbol, not "EUR"
    expect(formatMoney(2900, 'RON', 'ro')).toBe(`29,00${nbsp}lei`); // the local name of the leu
    expect(formatMoney(2900, 'EUR', 'de')).toBe(`29,00${nbsp}€`);
    expect(formatMoney(123456789, 'EUR', 'de')).toBe(`1.234.567,89${nbsp}€`);
    expect(formatMoney(123456789, 'USD', 'en-US')).toBe('$1,234,567.89');
  });

  it('shows zero-decimal and three-decimal currencies with their own precision', () => {
    expect(formatMoney(500, 'JPY', 'en-US')).toBe('¥500'); // 500 yen, not ¥5.00
    expect(formatMoney(500, 'JPY', 'ja-JP')).toBe('￥500');
    expect(formatMoney(1234, 'KWD', 'en-US')).toBe(`KWD${nbsp}1.234`); // 1.234 dinar = 1234 fils
    expect(formatMoney(1, 'KWD', 'de')).toBe(`0,001${nbsp}KWD`);
  });

  it('formats negative amounts (credits)', () => {
    expect(formatMoney(-1999, 'EUR', 'en-IE')).toBe('-€19.99');
    expect(formatMoney(-1999, 'EUR', 'ro')).toBe(`-19,99${nbsp}€`);
  });

  it('trims a zero fraction only when asked and only when it is zero', () => {
    expect(formatMoney(2900, 'EUR', 'en-IE', { trimZeroFraction: true })).toBe('€29');
    expect(formatMoney(-2900, 'EUR', 'en-IE', { trimZeroFraction: true })).toBe('-€29');
    expect(formatMoney(2950, 'EUR', 'en-IE', { trimZeroFraction: true })).toBe('€29.50'); // not "€29.5"
    expect(formatMoney(1000, 'KWD', 'en-US', { trimZeroFraction: true })).toBe(`KWD${nbsp}1`);
  });

  it('honours an explicit currencyDisplay', () => {
    expect(formatMoney(2900, 'EUR', 'en-US', { currencyDisplay: 'code' })).toBe(`EUR${nbsp}29.00`);
    expect(formatMoney(2900, 'EUR', 'ro', { currencyDisplay: 'code' })).toBe(`29,00${nbsp}EUR`);
    expect(formatMoney(100, 'EUR', 'en-US', { currencyDisplay: 'name' })).toBe('1.00 euros');
  });

  it('never goes through a float: amounts beyond 2^53 / 100 keep every digit', () => {
    // 9007199254740991 cents = 90,071,992,547,409.91; as a float major amount the last digit would drift
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en-US')).toBe('$90,071,992,547,409.91');
  });

  it('keeps every digit of the exact major string, in any locale (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e15, max: 1e15 }),
        fc.constantFrom('USD', 'EUR', 'JPY', 'KWD'),
        fc.constantFrom('en-US', 'en-IE', 'ro', 'de', 'fr', 'ja-JP'),
        (amount, currency, locale) => {
          const digits = formatMoney(amount, currency, locale).replace(/\D/g, '');
          expect(digits.replace(/^0+(?=\d)/, '')).toBe(String(Math.abs(amount)));
        },
      ),
    );
  });
});
