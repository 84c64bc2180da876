export { allocate } from './allocate.js';
export { currencyCodes, currencyExponent, isCurrencyCode, type CurrencyCode } from './currencies.js';
export { Decimal, isDecimalString, toDecimal } from './decimal.js';
export { formatMoney, toMajorString, type FormatMoneyOptions } from './format.js';
export { ROUNDING_RULE, assertMinor, checkMinor, divideRoundHalfUp, roundMinor, scaleMinor } from './rounding.js';
