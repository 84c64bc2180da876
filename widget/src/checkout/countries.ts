/**
 * Countries the country menu offers: the EU, the rest of Europe's usual buyers and the larger
 * markets elsewhere. Names come from `Intl.DisplayNames` in the customer's language, so the
 * bundle carries two letters per country. A `country` outside the list is added to it.
 */
const codes =
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE GB CH NO IS MD UA RS TR US CA MX BR AR AU NZ JP KR SG IN CN HK IL AE ZA'.split(' ');

const cache = new Map<string, { code: string; name: string }[]>();

/** The menu's countries for a locale, sorted by their name in it; `extra` is added when missing. */
export function countryOptions(locale: string, extra?: string): { code: string; name: string }[] {
  const key = `${locale}|${extra ?? ''}`;
  let options = cache.get(key);
  if (!options) {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    const list = extra && /^[A-Z]{2}$/.test(extra) && !codes.includes(extra) ? [...codes, extra] : codes;
    options = list.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, locale));
    cache.set(key, options);
  }
  return options;
}

const byLanguage: Record<string, string> = { ro: 'RO', de: 'DE', fr: 'FR', es: 'ES', en: 'US' };

/** The country a locale suggests: its region (`ro-RO` → RO), else its language's main country. */
export function countryOfLocale(locale: string): string | undefined {
  const [language = '', region] = locale.split(/[-_]/);
  if (region && /^[A-Za-z]{2}$/.test(region)) return region.toUpperCase();
  return byLanguage[language.toLowerCase()];
}

/** Countries where the tax engine needs the state or province, not just the country. */
export function needsState(country: string): boolean {
  return country === 'US' || country === 'CA';
}

/**
 * Countries where tax needs the street address: US sales tax is local (county, city, district),
 * which a tax provider resolves from the address. Elsewhere the country (and province) sets the
 * rate, so the postal code is enough unless the buyer is a business.
 */
export function needsFullAddress(country: string): boolean {
  return country === 'US';
}
