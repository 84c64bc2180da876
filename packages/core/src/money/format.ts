import { currencyExponent } from './currencies.js';
import { assertMinor } from './rounding.js';

/**
 * The exact major-unit decimal string of an amount: `toMajorString(2999, 'EUR')` → `"29.99"`,
 * `toMajorString(500, 'JPY')` → `"500"`, `toMajorString(-1, 'KWD')` → `"-0.001"`.
 */
export function toMajorString(amountMinor: number, currency: string): string {
  assertMinor(amountMinor);
  const exponent = currencyExponent(currency);
  const negative = amountMinor < 0;
  const digits = Math.abs(amountMinor).toString().padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? '' : `.${digits.slice(-exponent)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Options for {@link formatMoney}. */
export interface FormatMoneyOptions {
  /** Drop the fraction when it is zero: "€29" instead of "€29.00" (pricing pages). Default false. */
  trimZeroFraction?: boolean;
  /** `Intl` currency display; by default the locale's symbol, or the narrow symbol where the locale has none. */
  currencyDisplay?: 'symbol' | 'narrowSymbol' | 'code' | 'name';
}

/**
 * Formats minor units for people, in their locale, through `Intl.NumberFormat`. Only the edge
 * (widgets, emails, PDFs) formats; the engine never parses formatted strings back.
 *
 * @example formatMoney(2900, 'EUR', 'ro') // "29,00 €"
 */
export function formatMoney(
  amountMinor: number,
  currency: string,
  locale: string,
  options: FormatMoneyOptions = {},
): string {
  const exponent = currencyExponent(currency);
  const trim = options.trimZeroFraction === true && amountMinor % 10 ** exponent === 0;
  const format = (currencyDisplay: FormatMoneyOptions['currencyDisplay']) =>
    new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay,
      minimumFractionDigits: trim ? 0 : exponent,
      maximumFractionDigits: exponent,
      // Intl accepts an exact decimal string (ES2023), so no float ever represents the amount.
    }).format(toMajorString(amountMinor, currency) as unknown as number);
  if (options.currencyDisplay) return format(options.currencyDisplay);
  // Some locales (ro: "29,00 EUR") have no symbol of their own; people there still write "29,00 €".
  const withSymbol = format('symbol');
  return withSymbol.includes(currency) ? format('narrowSymbol') : withSymbol;
}
