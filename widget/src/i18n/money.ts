/*
 * Money display for the browser: decimal strings of minor units (unit prices such as "0.2"
 * cents per API call), and, re-exported from money-format.ts, currency exponents and the
 * formatting of integer minor units. The widget never computes money: it only turns the server's
 * amounts into text.
 */
import { currencyExponent, integerText } from './money-format.js';

export { currencyExponent, formatMajor, formatMoney, type FormatMoneyOptions } from './money-format.js';

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
