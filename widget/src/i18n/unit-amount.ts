import { currencyExponent, formatMajor, minorToMajorString } from './money.js';

/*
 * Unit prices (usage and tier rates) need more digits than the currency's: a module apart from
 * money.ts because only the pricing table's lazy parts show them, and bundlers place whole modules.
 */

/**
 * Formats a unit price given as a decimal string of minor units, keeping every significant
 * digit: `formatUnitAmount('0.2', 'EUR', 'en')` → "€0.002", `('900', 'EUR', 'en')` → "€9.00".
 */
export function formatUnitAmount(unitAmountDecimalMinor: string, currency: string, locale: string): string {
  const exponent = currencyExponent(currency);
  const major = minorToMajorString(unitAmountDecimalMinor, currency);
  const fractionDigits = major.split('.')[1]?.length ?? 0;
  return formatMajor(major, currency, locale, exponent, Math.max(exponent, Math.min(fractionDigits, 20)));
}
