import { numberFormat } from './intl-cache.js';

/**
 * Formats an instant (ISO-8601 string or epoch milliseconds) as a date in the customer's locale:
 * "26 Dec 2026" in en-GB, "26 dec. 2026" in ro. Billing dates are shown in the customer's time
 * zone when known, else the browser's.
 */
export function formatDate(instant: string | number, locale: string, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
  if (timeZone !== undefined) options.timeZone = timeZone;
  return new Intl.DateTimeFormat(locale, options).format(new Date(instant));
}

/** Formats a count in the locale: 10000 → "10,000" (en), "10.000" (de), "10 000" (fr). */
export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}
