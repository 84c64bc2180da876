export { applyRounding, charmRound, type RoundingStrategy } from './charm.js';
export { BULGARIA_EURO_CHANGEOVER_MS, countryCodes, countryCurrency } from './countries.js';
export type { CurrencyOption, CurrencyOptions, MultiCurrencyPrice } from './options.js';
export { presentmentCurrency } from './presentment.js';
export { priceInCurrency } from './price-in-currency.js';
export {
  CONVERTED_DECIMAL_PLACES,
  convert,
  convertDecimalMinor,
  convertDecimalString,
  rateAgainstBase,
  toReportingCurrency,
  type ExchangeRateTable,
} from './rates.js';
