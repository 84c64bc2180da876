import { numberFormat } from './intl-cache.js';
import { catalogLocale, formattingLocale, type Locale } from './locale.js';

/** A plural message: one text per CLDR plural category; `other` is required. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A message: plain text with `{name}` placeholders, or a plural message chosen by `{count}`. */
export type Message = string | PluralMessage;

/** One language's messages. */
export type Catalog<K extends string> = Record<K, Message>;

/** Every supported language's messages for one set of keys. */
export type Catalogs<K extends string> = { en: Catalog<K> } & Record<Exclude<Locale, 'en'>, Catalog<NoInfer<K>>>;

/**
 * English plus whichever other languages are loaded: what an element holds while the other
 * languages are still separate chunks on the server (see lazy-catalogs.ts).
 */
export type LoadedCatalogs<K extends string> = { en: Catalog<K> } & Partial<Record<Exclude<Locale, 'en'>, Catalog<NoInfer<K>>>>;

/** Values to put into placeholders. Numbers are formatted for the locale. */
export type MessageParams = Record<string, string | number>;

/** A bound `t(key, params)` for one language. */
export type Translate<K extends string> = (key: K, params?: MessageParams) => string;

/**
 * `language:key` pairs that fell back to English since page load. Tests assert it stays empty;
 * the type system already makes a missing key a compile error for our own catalogs.
 */
export const missingMessages = new Set<string>();

/**
 * Declares a message set. The type makes a missing key in any language a compile error; the
 * keys are inferred from English.
 */
export function defineMessages<K extends string>(catalogs: Catalogs<K>): Catalogs<K> {
  return catalogs;
}

/**
 * Binds a translator to a locale tag. Plural messages pick their form with `Intl.PluralRules`
 * from `params.count` (Romanian has one/few/other: „1 loc", „2 locuri", „20 de locuri").
 * A key missing in a language, or a language whose catalog is not loaded, falls back to English
 * rather than showing the key.
 */
export function createTranslator<K extends string>(catalogs: LoadedCatalogs<K>, localeTag: string): Translate<K> {
  const language = catalogLocale(localeTag);
  const { plural, number } = formatters(formattingLocale(localeTag));
  const own = catalogs[language];
  if (own === undefined) missingMessages.add(`${language}:*`);
  return (key, params = {}) => {
    let message: Message | undefined = own?.[key];
    if (message === undefined) {
      if (own !== undefined) missingMessages.add(`${language}:${key}`);
      message = catalogs.en[key];
    }
    if (message === undefined) return key;
    const text = typeof message === 'string' ? message : pickPlural(message, plural, params['count']);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? number.format(value) : value;
    });
  };
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** Intl objects per locale tag: building them costs more than a whole render of a card. */
function formatters(tag: string): { plural: Intl.PluralRules; number: Intl.NumberFormat } {
  let plural = pluralRules.get(tag);
  if (!plural) {
    plural = new Intl.PluralRules(tag);
    pluralRules.set(tag, plural);
  }
  return { plural, number: numberFormat(tag) };
}

function pickPlural(message: PluralMessage, rules: Intl.PluralRules, count: string | number | undefined): string {
  if (typeof count !== 'number') return message.other;
  return message[rules.select(count)] ?? message.other;
}
