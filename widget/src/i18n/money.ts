/*
 * Money display for the browser. The widget never computes money: it only turns the server's
 * integer minor units (and decimal-string unit prices) into text. ISO 4217 exponents are kept
 * here as the exceptions to 2, copied from @abona/core's table so the bundle does not carry the
 * engine (and its decimal library) for three short lists.
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
 * The exact major-unit decimal string of a decimal string of minor units, by moving the decimal
 * point: `("2999", "EUR")` → `"29.99"`, `("0.2", "EUR")` → `"0.002"`, `("-5", "KWD")` → `"-0.005"`.
 * @throws RangeError when `minor` is not a plain decimal number.
 */
export function minorToMajorString(minor: string | number, currency: string): string {
  const text = typeof minor === 'number' ? integerText(minor) : minor.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`Not a decimal amount: ${text}`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const exponent = currencyExponent(currency);
  const digits = (whole + fraction).padStart(exponent + fraction.length + 1, '0');
  const point = digits.length - exponent - fraction.length;
  const integerPart = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const fractionPart = digits.slice(point).replace(/0+$/, '');
  const isZero = /^0*$/.test(integerPart + fractionPart);
  return `${sign && !isZero ? '-' : ''}${integerPart}${fractionPart ? `.${fractionPart}` : ''}`;
}

function integerText(amountMinor: number): string {
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
 * exact decimal string, never a float.
 */
export function formatMoney(amountMinor: number, currency: string, locale: string, options: FormatMoneyOptions = {}): string {
  const exponent = currencyExponent(currency);
  const major = minorToMajorString(amountMinor, currency);
  const trim = options.trimZeroFraction === true && !major.includes('.');
  return formatMajor(major, currency, locale, trim ? 0 : exponent, exponent);
}

/**
 * Formats an exact major-unit decimal string (see {@link minorToMajorString}) as money with
 * `minimumFractionDigits`..`maximumFractionDigits` digits, with the locale's currency symbol.
 */
export function formatMajor(major: string, currency: string, locale: string, minimumFractionDigits: number, maximumFractionDigits: number): string {
  const formatter = (currencyDisplay: 'symbol' | 'narrowSymbol') =>
    numberFormat(locale, { style: 'currency', currency, currencyDisplay, minimumFractionDigits, maximumFractionDigits });
  // Intl accepts exact decimal strings (ES2023); the cast only satisfies the ES2022 lib types.
  const withSymbol = formatter('symbol').format(major as unknown as number);
  // Some locales (ro: "29,00 EUR") have no symbol of their own, yet people there write "29,00 €".
  return withSymbol.includes(currency) ? formatter('narrowSymbol').format(major as unknown as number) : withSymbol;
}
