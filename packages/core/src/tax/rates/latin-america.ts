import type { TaxRateEntry } from './types.js';

/**
 * Latin America.
 */
export const latinAmericaRates: readonly TaxRateEntry[] = [
  {
    country: 'MX',
    type: 'vat',
    ratePercent: '16',
    label: 'IVA 16%',
    jurisdiction: 'MX',
    registration: 'country',
    effectiveFromMs: 1262325600000, // 2010-01-01 00:00 America/Mexico_City
    source:
      'SAT, Ley del Impuesto al Valor Agregado art. 1 and art. 18-B (digital services from abroad since 1 June 2020)',
    note: 'The 8% northern border region rate is not modelled.',
  },
];
