import { numberFormat } from './intl-cache.js';

/** Formats a whole percentage: 17 → "17%" (en), "17 %" (de, fr). */
export function formatPercent(percent: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);
}
