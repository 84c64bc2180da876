import { InvalidInputError } from '../errors/index.js';

/**
 * ISO 4217 active currencies and their minor-unit exponents (the number of decimal places of
 * the minor unit). Source: ISO 4217 list one (SIX, amendment 179, 2025), excluding codes with
 * no minor unit defined (precious metals, testing, SDR). Everything not listed here with
 * another exponent has exponent 2.
 */
const exponentZero = [
  'BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV',
  'XAF', 'XOF', 'XPF',
] as const;

const exponentThree = ['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'] as const;

const exponentFour = ['CLF', 'UYW'] as const;

const exponentTwo = [
  'AED', 'AFN', 'ALL', 'AMD', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BMD',
  'BND', 'BOB', 'BOV', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHE', 'CHF', 'CHW',
  'CNY', 'COP', 'COU', 'CRC', 'CUP', 'CVE', 'CZK', 'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB', 'EUR',
  'FJD', 'FKP', 'GBP', 'GEL', 'GHS', 'GIP', 'GMD', 'GTQ', 'GYD', 'HKD', 'HNL', 'HTG', 'HUF', 'IDR',
  'ILS', 'INR', 'IRR', 'JMD', 'KES', 'KGS', 'KHR', 'KPW', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD',
  'LSL', 'MAD', 'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MXV',
  'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN',
  'QAR', 'RON', 'RSD', 'RUB', 'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SOS', 'SRD',
  'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS', 'TMT', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH',
  'USD', 'USN', 'UYU', 'UZS', 'VED', 'VES', 'WST', 'XCD', 'XCG', 'YER', 'ZAR', 'ZMW', 'ZWG',
] as const;

/** An ISO 4217 currency code in upper case, e.g. `'EUR'`. */
export type CurrencyCode =
  | (typeof exponentZero)[number]
  | (typeof exponentTwo)[number]
  | (typeof exponentThree)[number]
  | (typeof exponentFour)[number];

const exponents: ReadonlyMap<string, number> = new Map<string, number>([
  ...exponentZero.map((c) => [c, 0] as const),
  ...exponentTwo.map((c) => [c, 2] as const),
  ...exponentThree.map((c) => [c, 3] as const),
  ...exponentFour.map((c) => [c, 4] as const),
]);

/** Every active currency code, sorted. */
export const currencyCodes: readonly CurrencyCode[] = [...exponents.keys()].sort() as CurrencyCode[];

/** True when `code` is an active ISO 4217 currency (upper case). */
export function isCurrencyCode(code: string): code is CurrencyCode {
  return exponents.has(code);
}

/**
 * The minor-unit exponent of a currency: 0 for JPY, 2 for EUR, 3 for KWD.
 * @throws InvalidInputError for an unknown code.
 */
export function currencyExponent(code: string): number {
  const exponent = exponents.get(code);
  if (exponent === undefined) throw new InvalidInputError(`Unknown currency: ${code}`, 'currency', 'invalid_currency');
  return exponent;
}

