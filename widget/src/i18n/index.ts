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
export { currencyExponent, minorToMajorString, formatMoney, formatUnitAmount, type FormatMoneyOptions } from './money.js';
export { formatDate, formatNumber, formatPercent } from './dates.js';
