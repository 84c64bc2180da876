const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * An `Intl.NumberFormat` for a locale and options, built once per page: constructing one costs
 * more than rendering a whole card, and a table formats dozens of amounts per render.
 */
export function numberFormat(locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = options ? `${locale}|${JSON.stringify(options)}` : locale;
  let formatter = numberFormats.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, formatter);
  }
  return formatter;
}
