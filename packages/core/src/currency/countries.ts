import { InvalidInputError } from '../errors/index.js';
import type { CurrencyCode } from '../money/index.js';

/**
 * The legal tender each ISO 3166-1 alpha-2 country (and XK, Kosovo) prices in, by ISO 4217.
 * Where a country has two (Panama PAB/USD, El Salvador SVC/USD, Zimbabwe ZWG/USD…) the one
 * shops actually price in is chosen. Antarctica (AQ) has none and is absent.
 * Croatia has been in the euro area since 2023-01-01; its former kuna is no longer an active
 * ISO code, so HR is simply EUR. Bulgaria changes over on 2026-01-01, see {@link countryCurrency}.
 */
const countryCurrencies: Readonly<Record<string, CurrencyCode>> = {
  // Euro area (20 members from 2023, Bulgaria the 21st from 2026) and territories using the euro.
  AT: 'EUR', BE: 'EUR', CY: 'EUR', DE: 'EUR', EE: 'EUR', ES: 'EUR', FI: 'EUR', FR: 'EUR', GR: 'EUR',
  HR: 'EUR', IE: 'EUR', IT: 'EUR', LT: 'EUR', LU: 'EUR', LV: 'EUR', MT: 'EUR', NL: 'EUR', PT: 'EUR',
  SI: 'EUR', SK: 'EUR',
  AD: 'EUR', AX: 'EUR', BL: 'EUR', GF: 'EUR', GP: 'EUR', MC: 'EUR', ME: 'EUR', MF: 'EUR', MQ: 'EUR',
  PM: 'EUR', RE: 'EUR', SM: 'EUR', TF: 'EUR', VA: 'EUR', XK: 'EUR', YT: 'EUR',
  // Rest of Europe.
  AL: 'ALL', AM: 'AMD', AZ: 'AZN', BA: 'BAM', BG: 'BGN', BY: 'BYN', CH: 'CHF', CZ: 'CZK', DK: 'DKK',
  FO: 'DKK', GB: 'GBP', GE: 'GEL', GG: 'GBP', GI: 'GIP', HU: 'HUF', IM: 'GBP', IS: 'ISK', JE: 'GBP',
  LI: 'CHF', MD: 'MDL', MK: 'MKD', NO: 'NOK', PL: 'PLN', RO: 'RON', RS: 'RSD', RU: 'RUB', SE: 'SEK',
  SJ: 'NOK', BV: 'NOK', TR: 'TRY', UA: 'UAH',
  // Americas.
  AG: 'XCD', AI: 'XCD', AR: 'ARS', AS: 'USD', AW: 'AWG', BB: 'BBD', BM: 'BMD', BO: 'BOB', BQ: 'USD',
  BR: 'BRL', BS: 'BSD', BZ: 'BZD', CA: 'CAD', CL: 'CLP', CO: 'COP', CR: 'CRC', CU: 'CUP', CW: 'XCG',
  DM: 'XCD', DO: 'DOP', EC: 'USD', FK: 'FKP', GD: 'XCD', GL: 'DKK', GS: 'GBP', GT: 'GTQ', GU: 'USD',
  GY: 'GYD', HN: 'HNL', HT: 'HTG', JM: 'JMD', KN: 'XCD', KY: 'KYD', LC: 'XCD', MP: 'USD', MS: 'XCD',
  MX: 'MXN', NI: 'NIO', PA: 'USD', PE: 'PEN', PR: 'USD', PY: 'PYG', SR: 'SRD', SV: 'USD', SX: 'XCG',
  TC: 'USD', TT: 'TTD', UM: 'USD', US: 'USD', UY: 'UYU', VC: 'XCD', VE: 'VES', VG: 'USD', VI: 'USD',
  // Africa.
  AO: 'AOA', BF: 'XOF', BI: 'BIF', BJ: 'XOF', BW: 'BWP', CD: 'CDF', CF: 'XAF', CG: 'XAF', CI: 'XOF',
  CM: 'XAF', CV: 'CVE', DJ: 'DJF', DZ: 'DZD', EG: 'EGP', EH: 'MAD', ER: 'ERN', ET: 'ETB', GA: 'XAF',
  GH: 'GHS', GM: 'GMD', GN: 'GNF', GQ: 'XAF', GW: 'XOF', KE: 'KES', KM: 'KMF', LR: 'LRD', LS: 'LSL',
  LY: 'LYD', MA: 'MAD', MG: 'MGA', ML: 'XOF', MR: 'MRU', MU: 'MUR', MW: 'MWK', MZ: 'MZN', NA: 'NAD',
  NE: 'XOF', NG: 'NGN', RW: 'RWF', SC: 'SCR', SD: 'SDG', SH: 'SHP', SL: 'SLE', SN: 'XOF', SO: 'SOS',
  SS: 'SSP', ST: 'STN', SZ: 'SZL', TD: 'XAF', TG: 'XOF', TN: 'TND', TZ: 'TZS', UG: 'UGX', ZA: 'ZAR',
  ZM: 'ZMW', ZW: 'ZWG', IO: 'USD',
  // Asia and the Middle East.
  AE: 'AED', AF: 'AFN', BD: 'BDT', BH: 'BHD', BN: 'BND', BT: 'BTN', CN: 'CNY', HK: 'HKD', ID: 'IDR',
  IL: 'ILS', IN: 'INR', IQ: 'IQD', IR: 'IRR', JO: 'JOD', JP: 'JPY', KG: 'KGS', KH: 'KHR', KP: 'KPW',
  KR: 'KRW', KW: 'KWD', KZ: 'KZT', LA: 'LAK', LB: 'LBP', LK: 'LKR', MM: 'MMK', MN: 'MNT', MO: 'MOP',
  MV: 'MVR', MY: 'MYR', NP: 'NPR', OM: 'OMR', PH: 'PHP', PK: 'PKR', PS: 'ILS', QA: 'QAR', SA: 'SAR',
  SG: 'SGD', SY: 'SYP', TH: 'THB', TJ: 'TJS', TL: 'USD', TM: 'TMT', TW: 'TWD', UZ: 'UZS', VN: 'VND',
  YE: 'YER',
  // Oceania.
  AU: 'AUD', CC: 'AUD', CK: 'NZD', CX: 'AUD', FJ: 'FJD', FM: 'USD', HM: 'AUD', KI: 'AUD', MH: 'USD',
  NC: 'XPF', NF: 'AUD', NR: 'AUD', NU: 'NZD', NZ: 'NZD', PF: 'XPF', PG: 'PGK', PN: 'NZD', PW: 'USD',
  SB: 'SBD', TK: 'NZD', TO: 'TOP', TV: 'AUD', VU: 'VUV', WF: 'XPF', WS: 'WST',
};

/**
 * Bulgaria adopts the euro on 1 January 2026 at 00:00 in Sofia (EET, UTC+2), that is
 * 2025-12-31T22:00:00Z; from then on BG prices in EUR (the lev's fixed rate is 1.95583).
 */
export const BULGARIA_EURO_CHANGEOVER_MS = Date.UTC(2025, 11, 31, 22, 0, 0);

/** Every country code with a currency, sorted. */
export const countryCodes: readonly string[] = Object.keys(countryCurrencies).sort();

/**
 * The currency a country prices in at instant `atMs` (which matters for euro changeovers), or
 * `undefined` for a well-formed code without one (AQ) or that is not assigned.
 * @param country ISO 3166-1 alpha-2, upper or lower case.
 * @throws InvalidInputError when `country` is not two letters.
 */
export function countryCurrency(country: string, atMs: number): CurrencyCode | undefined {
  if (!/^[A-Za-z]{2}$/.test(country)) throw new InvalidInputError(`Not an ISO 3166-1 alpha-2 country: "${country}"`, 'country');
  if (!Number.isSafeInteger(atMs)) throw new InvalidInputError(`atMs must be epoch milliseconds, got ${atMs}`, 'atMs');
  const code = country.toUpperCase();
  if (code === 'BG') return atMs >= BULGARIA_EURO_CHANGEOVER_MS ? 'EUR' : 'BGN';
  return countryCurrencies[code];
}
