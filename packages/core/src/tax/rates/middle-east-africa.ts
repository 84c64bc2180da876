import type { TaxRateEntry } from './types.js';

/**
 * Middle East and Africa.
 */
export const middleEastAfricaRates: readonly TaxRateEntry[] = [
  {
    country: 'ZA',
    type: 'vat',
    ratePercent: '15',
    label: 'VAT 15%',
    jurisdiction: 'ZA',
    registration: 'country',
    effectiveFromMs: 1522533600000, // 2018-04-01 00:00 Africa/Johannesburg
    source: 'SARS, Value-Added Tax Act 89 of 1991 s. 7; electronic services regulations (2019)',
  },
  {
    country: 'BH',
    type: 'vat',
    ratePercent: '5',
    label: 'VAT 5%',
    jurisdiction: 'BH',
    registration: 'country',
    effectiveFromMs: 1546290000000, // 2019-01-01 00:00 Asia/Bahrain
    source: 'National Bureau for Revenue (NBR), VAT Law (Decree-Law 48/2018)',
  },
  {
    country: 'BH',
    type: 'vat',
    ratePercent: '10',
    label: 'VAT 10%',
    jurisdiction: 'BH',
    registration: 'country',
    effectiveFromMs: 1640984400000, // 2022-01-01 00:00 Asia/Bahrain
    source: 'National Bureau for Revenue (NBR), standard rate 10% from 1 January 2022',
  },
];
