import type { CurrencyCode } from '../money/index.js';
import { countryCurrency } from './countries.js';

/**
 * The currency to show and charge a customer in, first match wins:
 * 1. `preferred` (the customer chose it, or already pays in it) when the vendor offers it;
 * 2. the currency of the customer's `country` at `atMs` when offered (RO → RON, BG → EUR from 2026);
 * 3. `fallback` (the vendor's default currency).
 *
 * The customer's own choice beats geography: a Romanian paying in EUR keeps seeing EUR.
 *
 * @param available currencies the vendor prices in (explicitly or through exchange rates).
 * @param atMs instant of the quote: decides euro changeovers.
 * @example presentmentCurrency('RO', ['EUR', 'RON'], undefined, 'EUR', atMs) // 'RON'
 */
export function presentmentCurrency(
  country: string,
  available: readonly CurrencyCode[],
  preferred: CurrencyCode | undefined,
  fallback: CurrencyCode,
  atMs: number,
): CurrencyCode {
  if (preferred !== undefined && available.includes(preferred)) return preferred;
  const local = countryCurrency(country, atMs);
  if (local !== undefined && available.includes(local)) return local;
  return fallback;
}
