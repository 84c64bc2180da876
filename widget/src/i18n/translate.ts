import { catalogLocale, formattingLocale, type Locale } from './locale.js';

/** A plural message: one text per CLDR plural category; `other` is required. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A message: plain text with `{name}` placeholders, or a plural message chosen by `{count}`. */
export type Message = string | PluralMessage;

/** One language's messages. */
export type Catalog<K extends string> = Record<K, Message>;

/** Every supported language's messages for one set of keys. */
export type Catalogs<K extends string> = { en: Catalog<K> } & Record<Exclude<Locale, 'en'>, Catalog<NoInfer<K>>>;

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

/** Merges message sets (common + element) into one. */
export function mergeMessages<A extends string, B extends string>(a: Catalogs<A>, b: Catalogs<B>): Catalogs<A | B> {
  const merged = {} as Record<Locale, Catalog<A | B>>;
  for (const locale of Object.keys(a) as Locale[]) merged[locale] = { ...a[locale], ...b[locale] } as Catalog<A | B>;
  return merged as Catalogs<A | B>;
}

/**
 * Binds a translator to a locale tag. Plural messages pick their form with `Intl.PluralRules`
 * from `params.count` (Romanian has one/few/other: „1 loc", „2 locuri", „20 de locuri").
 * A key missing in a language falls back to English rather than showing the key.
 */
export function createTranslator<K extends string>(catalogs: Catalogs<K>, localeTag: string): Translate<K> {
  const language = catalogLocale(localeTag);
  const tag = formattingLocale(localeTag);
  const plural = new Intl.PluralRules(tag);
  const number = new Intl.NumberFormat(tag);
  return (key, params = {}) => {
    let message: Message | undefined = catalogs[language][key];
    if (message === undefined) {
      missingMessages.add(`${language}:${key}`);
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

function pickPlural(message: PluralMessage, rules: Intl.PluralRules, count: string | number | undefined): string {
  if (typeof count !== 'number') return message.other;
  return message[rules.select(count)] ?? message.other;
}
