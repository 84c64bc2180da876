/*
 * Money display for the browser. The widget never computes money: it only turns the server's
 * integer minor units into text (decimal-string unit prices: money.ts). ISO 4217 exponents are
 * kept here as the exceptions to 2, copied from @abona/core's table so the bundle does not carry
 * the engine (and its decimal library) for three short lists. A module apart from money.ts so a
 * pricing table's first render, which formats only integers, leaves the decimal-string parser to
 * its lazy chunk (bundlers place whole modules); money.ts re-exports all of this.
 */
import { numberFormat } from './intl-cache.js';

const exponentZero = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
const exponentThree = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);
const exponentFour = new Set(['CLF', 'UYW']);

/** The minor-unit exponent of an ISO 4217 currency: 0 for JPY, 2 for EUR, 3 for KWD. */
export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  if (exponentZero.has(code)) return 0;
  if (exponentThree.has(code)) return 3;
  if (exponentFour.has(code)) return 4;
  return 2;
}

/**
 * The digits of an integer amount of minor units.
 * @throws RangeError when `amountMinor` is not a safe integer.
 */
export function integerText(amountMinor: number): string {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`Minor units must be a safe integer: ${amountMinor}`);
  return String(amountMinor);
}

/** Options for {@link formatMoney}. */
export interface FormatMoneyOptions {
  /** Drop a zero fraction: "€29" rather than "€29.00" (headline prices). Default false. */
  trimZeroFraction?: boolean;
}

/**
 * Formats integer minor units in the customer's locale: `formatMoney(2900, 'EUR', 'ro')` →
 * "29,00 €", `formatMoney(2900, 'EUR', 'en-IE')` → "€29.00". `Intl.NumberFormat` receives the
 * exact decimal string (the point moved by the currency's exponent), never a float; the same
 * string as `minorToMajorString` but for trailing zeros, which the formatter pads back
 * (money.test.ts checks the two agree).
 * @throws RangeError when `amountMinor` is not a safe integer.
 */
export function formatMoney(amountMinor: number, currency: string, locale: string, options: FormatMoneyOptions = {}): string {
  const exponent = currencyExponent(currency);
  const digits = integerText(Math.abs(amountMinor)).padStart(exponent + 1, '0');
  const point = digits.length - exponent;
  const fraction = digits.slice(point);
  const major = `${amountMinor < 0 ? '-' : ''}${digits.slice(0, point)}${fraction ? `.${fraction}` : ''}`;
  const trim = options.trimZeroFraction === true && !/[1-9]/.test(fraction);
  return formatMajor(major, currency, locale, trim ? 0 : exponent, exponent);
}

/**
 * Formats an exact major-unit decimal string (see `minorToMajorString` in money.ts) as money with
 * `minimumFractionDigits`..`maximumFractionDigits` digits, with the locale's currency symbol.
 */
export function formatMajor(major: string, currency: string, locale: string, minimumFractionDigits: number, maximumFractionDigits: number): string {
  const formatter = (currencyDisplay: 'symbol' | 'narrowSymbol') =>
    numberFormat(locale, { style: 'currency', currency, currencyDisplay, minimumFractionDigits, maximumFractionDigits });
  const withSymbol = formatter('symbol').format(major as unknown as number);
  return withSymbol.includes(currency) ? formatter('narrowSymbol').format(major as unknown as number) : withSymbol;
}
