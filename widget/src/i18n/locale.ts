/** Languages with a full message catalog. Formatting (money, dates) uses the full tag. */
export const supportedLocales = ['en', 'ro', 'de', 'fr', 'es'] as const;

/** A language Abona's copy is written in. */
export type Locale = (typeof supportedLocales)[number];

/**
 * Picks the catalog for a BCP 47 tag: `ro-RO` → `ro`, `de-AT` → `de`, anything unknown → `en`.
 */
export function catalogLocale(tag: string): Locale {
  const language = tag.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return (supportedLocales as readonly string[]).includes(language) ? (language as Locale) : 'en';
}

/**
 * A tag `Intl` accepts: the given one when valid, else English. Keeps a typo in `locale="ro_RO"`
 * from throwing a RangeError inside render.
 */
export function formattingLocale(tag: string): string {
  const candidate = tag.replace('_', '-');
  try {
    return Intl.getCanonicalLocales(candidate)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
