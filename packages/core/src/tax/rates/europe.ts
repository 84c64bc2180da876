import type { TaxRateEntry } from './types.js';

/**
 * Standard VAT rates of European countries outside the EU (and Turkey). Electronically supplied services
 * to consumers are taxed at the standard rate where the consumer is; non-resident sellers register
 * under simplified schemes (UK VAT, Norway VOEC, Swiss MWST, Iceland, Turkey e-services).
 */
export const europeVatRates: readonly TaxRateEntry[] = [
  {
    country: 'GB',
    type: 'vat',
    ratePercent: '20',
    label: 'VAT 20%',
    jurisdiction: 'GB',
    registration: 'country',
    effectiveFromMs: 1294099200000, // 2011-01-04 00:00 Europe/London
    source: 'HMRC, VAT rates on different goods and services; Value Added Tax Act 1994 s. 2',
    note: "Digital services to UK consumers are taxed where the consumer is, whatever the seller's size.",
  },
  {
    country: 'NO',
    type: 'vat',
    ratePercent: '25',
    label: 'MVA 25%',
    jurisdiction: 'NO',
    registration: 'country',
    effectiveFromMs: 1104534000000, // 2005-01-01 00:00 Europe/Oslo
    source:
      'Norwegian Tax Administration (Skatteetaten), Merverdiavgiftsloven § 5-1; VOEC scheme for B2C remote services',
  },
  {
    country: 'CH',
    type: 'vat',
    ratePercent: '7.7',
    label: 'MwSt. 7.7%',
    jurisdiction: 'CH',
    registration: 'country',
    effectiveFromMs: 1514761200000, // 2018-01-01 00:00 Europe/Zurich
    source: 'Swiss Federal Tax Administration (ESTV/AFC), MWSTG art. 25',
  },
  {
    country: 'CH',
    type: 'vat',
    ratePercent: '8.1',
    label: 'MwSt. 8.1%',
    jurisdiction: 'CH',
    registration: 'country',
    effectiveFromMs: 1704063600000, // 2024-01-01 00:00 Europe/Zurich
    source:
      'Swiss Federal Tax Administration (ESTV/AFC), MWSTG art. 25; rate increase of 1 January 2024 (AHV 21)',
    note: 'Liechtenstein (LI) shares Swiss VAT but is not listed; the German label is used for all of Switzerland.',
  },
  {
    country: 'IS',
    type: 'vat',
    ratePercent: '24',
    label: 'VSK 24%',
    jurisdiction: 'IS',
    registration: 'country',
    effectiveFromMs: 1420070400000, // 2015-01-01 00:00 Atlantic/Reykjavik
    source: 'Iceland Revenue and Customs (Skatturinn), Act 50/1988 on VAT art. 14',
  },
  {
    country: 'TR',
    type: 'vat',
    ratePercent: '20',
    label: 'KDV %20',
    jurisdiction: 'TR',
    registration: 'country',
    effectiveFromMs: 1688936400000, // 2023-07-10 00:00 Europe/Istanbul
    source: 'Revenue Administration (GİB), Presidential Decree 7346 (KDV 20% from 10 July 2023)',
    note: 'Turkish writes the percent sign first.',
  },
];
