import { InvalidInputError } from '../errors/index.js';
import { Decimal, assertMinor, currencyExponent, isDecimalString, roundMinor, type CurrencyCode } from '../money/index.js';

/**
 * Exchange rates against one base currency, in major units: `rates.USD = "1.085"` means
 * 1 EUR (the base) buys 1.085 USD. The base itself is always 1 and need not be listed.
 * A table is a snapshot: `asOfMs` and `source` travel with every conversion made from it so an
 * amount can be explained later ("ECB reference rates of 2025-06-02").
 */
export interface ExchangeRateTable {
  base: CurrencyCode;
  /** Units of each currency per one unit of `base`, as positive decimal strings. */
  rates: Partial<Record<string, string>>;
  /** Instant the rates were observed, epoch ms. */
  asOfMs: number;
  /** Where the rates come from, e.g. `"ecb"`, `"manual"`. */
  source: string;
}

/**
 * Places kept when converting a decimal unit amount (a usage rate such as `"0.0035"` minor units):
 * far below anything a line total can observe, since the line is rounded once afterwards.
 */
export const CONVERTED_DECIMAL_PLACES = 12;

/** The rate of `currency` against the table's base, as a Decimal (major per major). */
export function rateAgainstBase(currency: CurrencyCode, table: ExchangeRateTable): Decimal {
  if (currency === table.base) return new Decimal(1);
  const raw = table.rates[currency];
  if (raw === undefined) {
    throw new InvalidInputError(
      `No exchange rate for ${currency} against ${table.base} (${table.source})`,
      'rates',
      'rate_unavailable',
    );
  }
  if (!isDecimalString(raw) || new Decimal(raw).lte(0)) {
    throw new InvalidInputError(`Exchange rate for ${currency} must be a positive decimal, got "${raw}"`, 'rates');
  }
  return new Decimal(raw);
}

/**
 * The exact (unrounded) value of `minor` minor units of `from` expressed in minor units of `to`,
 * through the base: `minor × rate(to) × 10^exp(to) ÷ (rate(from) × 10^exp(from))`.
 *
 * The single division runs at 40 places. Rates have at most 35 digits, so a non-terminating
 * quotient lies at least ½·10⁻³⁹ from any half-unit: the one rounding that follows can never
 * be tipped by the 40th place.
 */
export function convertDecimalMinor(
  minor: Decimal,
  from: CurrencyCode,
  to: CurrencyCode,
  table: ExchangeRateTable,
): Decimal {
  if (from === to) return minor;
  const numerator = minor.times(rateAgainstBase(to, table)).times(new Decimal(10).pow(currencyExponent(to)));
  const denominator = rateAgainstBase(from, table).times(new Decimal(10).pow(currencyExponent(from)));
  return numerator.div(denominator);
}

/**
 * Converts an integer amount between currencies, rounded once with the money rule (half-up,
 * away from zero). Cross rates go through the table's base; exponents are honoured
 * (EUR 2 → JPY 0 → KWD 3).
 *
 * @example convert(1000, 'EUR', 'JPY', { base: 'EUR', rates: { JPY: '162.5' }, ... }) // €10.00 → ¥1625
 * @throws InvalidInputError (`rate_unavailable`) when a rate is missing.
 */
export function convert(amountMinor: number, from: CurrencyCode, to: CurrencyCode, table: ExchangeRateTable): number {
  assertMinor(amountMinor, 'amountMinor');
  if (from === to) return amountMinor;
  return roundMinor(convertDecimalMinor(new Decimal(amountMinor), from, to, table));
}

/**
 * Converts a decimal unit amount (minor units, a decimal string like `"0.35"`) and returns a
 * decimal string kept to {@link CONVERTED_DECIMAL_PLACES} places (half-up), trailing zeros trimmed.
 */
export function convertDecimalString(
  valueMinor: string,
  from: CurrencyCode,
  to: CurrencyCode,
  table: ExchangeRateTable,
): string {
  if (!isDecimalString(valueMinor)) throw new InvalidInputError(`Not a decimal amount: "${valueMinor}"`, 'unitAmountDecimal');
  if (from === to) return valueMinor;
  const converted = convertDecimalMinor(new Decimal(valueMinor), from, to, table);
  const text = converted.round(CONVERTED_DECIMAL_PLACES, Decimal.roundHalfUp).toString();
  return text === '-0' ? '0' : text;
}

/**
 * Converts an amount into the reporting currency for analytics (MRR, revenue dashboards).
 * Same arithmetic as {@link convert}; named apart so reports say which table they used.
 */
export function toReportingCurrency(
  amountMinor: number,
  currency: CurrencyCode,
  reportingCurrency: CurrencyCode,
  table: ExchangeRateTable,
): number {
  return convert(amountMinor, currency, reportingCurrency, table);
}
