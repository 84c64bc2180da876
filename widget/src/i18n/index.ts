export { supportedLocales, catalogLocale, formattingLocale, type Locale } from './locale.js';
export {
  createTranslator,
  defineMessages,
  missingMessages,
  type Catalog,
  type Catalogs,
  type LoadedCatalogs,
  type Message,
  type MessageParams,
  type PluralMessage,
  type Translate,
} from './translate.js';
export { lazyCatalogs, type CatalogLoaders, type LazyCatalogs } from './lazy-catalogs.js';
export { currencyExponent, minorToMajorString, formatMoney, type FormatMoneyOptions } from './money.js';
export { formatUnitAmount } from './unit-amount.js';
export { formatDate, formatNumber } from './dates.js';
export { formatPercent } from './percent.js';
