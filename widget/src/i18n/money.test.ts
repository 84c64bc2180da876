import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { formatDate, formatNumber } from './dates.js';
import { currencyExponent, formatMajor, formatMoney, minorToMajorString } from './money.js';
import { formatPercent } from './percent.js';
import { formatUnitAmount } from './unit-amount.js';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('minorToMajorString', () => {
  it('moves the decimal point by the ISO exponent', () => {
    expect(minorToMajorString(2999, 'EUR')).to.equal('29.99'); // 2999 / 10^2
    expect(minorToMajorString(2900, 'EUR')).to.equal('29'); // trailing zeros dropped: 29.00 → 29
    expect(minorToMajorString(500, 'JPY')).to.equal('500'); // exponent 0
    expect(minorToMajorString(-5, 'KWD')).to.equal('-0.005'); // -5 / 10^3
    expect(minorToMajorString(1, 'CLF')).to.equal('0.0001'); // exponent 4
    expect(minorToMajorString(0, 'EUR')).to.equal('0');
  });

  it('keeps sub-minor decimal strings exact', () => {
    expect(minorToMajorString('0.2', 'EUR')).to.equal('0.002'); // 0.2 cents = €0.002
    expect(minorToMajorString('3.5', 'EUR')).to.equal('0.035');
    expect(minorToMajorString('12.5', 'JPY')).to.equal('12.5');
    expect(minorToMajorString('-0.0', 'EUR')).to.equal('0'); // no negative zero
  });

  it('rejects what is not a decimal amount', () => {
    expect(() => minorToMajorString('1e3', 'EUR')).to.throw(RangeError);
    expect(() => minorToMajorString(0.5, 'EUR')).to.throw(RangeError);
  });

  it('is exact for every safe integer and exponent (property)', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom('EUR', 'JPY', 'KWD', 'CLF'), (amount, currency) => {
        const major = minorToMajorString(amount, currency);
        const [whole = '', fraction = ''] = major.replace('-', '').split('.');
        const exponent = currencyExponent(currency);
        // Shifting the point back by the exponent must give the original integer, digit for digit.
        const back = BigInt(whole + fraction.padEnd(exponent, '0')) * (major.startsWith('-') ? -1n : 1n);
        return back === BigInt(amount) && fraction.length <= exponent && !fraction.endsWith('0');
      }),
    );
  });

  it('is exact for decimal strings of minor units (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }), (digits, scale) => {
        const raw = digits.toString().padStart(scale + 1, '0');
        const minor = scale === 0 ? raw : `${raw.slice(0, -scale)}.${raw.slice(-scale)}`;
        const major = minorToMajorString(minor, 'EUR');
        const [whole = '', fraction = ''] = major.split('.');
        // major × 10^(2 + scale) == digits, both as exact integers.
        return BigInt(whole + fraction.padEnd(2 + scale, '0')) === digits;
      }),
    );
  });
});

describe('formatMoney', () => {
  it('formats for the customer locale with the symbol people write', () => {
    expect(plain(formatMoney(2900, 'EUR', 'ro'))).to.equal('29,00 €');
    expect(plain(formatMoney(2900, 'EUR', 'de'))).to.equal('29,00 €');
    expect(formatMoney(2900, 'EUR', 'en-IE')).to.equal('€29.00');
    expect(formatMoney(2900, 'USD', 'en-US')).to.equal('$29.00');
    expect(plain(formatMoney(4500, 'RON', 'ro'))).to.equal('45,00 lei'); // ro's narrow symbol for RON
  });

  it('drops a zero fraction for headline prices only when it is zero', () => {
    expect(formatMoney(2900, 'EUR', 'en', { trimZeroFraction: true })).to.equal('€29');
    expect(formatMoney(2950, 'EUR', 'en', { trimZeroFraction: true })).to.equal('€29.50');
  });

  it('never rounds through floats: 2^53 − 1 minor units stay exact', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'EUR', 'en')).to.equal('€90,071,992,547,409.91');
  });

  it('respects zero- and three-decimal currencies', () => {
    expect(formatMoney(500, 'JPY', 'en')).to.equal('¥500');
    expect(plain(formatMoney(1234, 'KWD', 'en'))).to.equal('KWD 1.234'); // 1234 / 10^3
  });

  it('rejects minor units that are not a safe integer', () => {
    expect(() => formatMoney(0.5, 'EUR', 'en')).to.throw(RangeError);
    expect(() => formatMoney(2 ** 53, 'EUR', 'en')).to.throw(RangeError);
  });

  it('says what minorToMajorString and formatMajor say, for every safe integer and exponent (property)', () => {
    // formatMoney moves the point itself (money-format.ts) so a table's first render need not
    // carry the decimal-string parser; the text must be the same, trimmed or not.
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom('EUR', 'JPY', 'KWD', 'CLF'), fc.constantFrom('en', 'ro', 'de-CH'), fc.boolean(), (amount, currency, locale, trim) => {
        const major = minorToMajorString(amount, currency);
        const exponent = currencyExponent(currency);
        const expected = formatMajor(major, currency, locale, trim && !major.includes('.') ? 0 : exponent, exponent);
        return formatMoney(amount, currency, locale, { trimZeroFraction: trim }) === expected;
      }),
    );
    for (const amount of [0, -0, 1, -1, 9, 10, 100, -100, 2900, -2950, 1000000]) {
      for (const currency of ['EUR', 'JPY', 'KWD', 'CLF']) {
        const major = minorToMajorString(amount, currency);
        const exponent = currencyExponent(currency);
        expect(formatMoney(amount, currency, 'en', { trimZeroFraction: true }), `${amount} ${currency}`).to.equal(formatMajor(major, currency, 'en', major.includes('.') ? exponent : 0, exponent));
      }
    }
  });
});

describe('formatUnitAmount', () => {
  it('shows sub-cent unit prices with every digit', () => {
    expect(formatUnitAmount('0.2', 'EUR', 'en')).to.equal('€0.002');
    expect(plain(formatUnitAmount('0.2', 'EUR', 'ro'))).to.equal('0,002 €');
    expect(formatUnitAmount('900', 'EUR', 'en')).to.equal('€9.00');
  });
});

describe('numbers and dates', () => {
  it('formats counts, percentages and dates for the locale', () => {
    expect(formatNumber(10000, 'en')).to.equal('10,000');
    expect(formatNumber(10000, 'de')).to.equal('10.000');
    expect(formatPercent(17, 'en')).to.equal('17%');
    expect(plain(formatPercent(17, 'de'))).to.equal('17 %');
    expect(formatDate('2026-12-26T10:00:00Z', 'ro', 'Europe/Bucharest')).to.equal('26 dec. 2026');
    expect(formatDate(Date.UTC(2026, 11, 26), 'en-GB', 'UTC')).to.equal('26 Dec 2026');
  });
});
