import type { TaxRateEntry } from './types.js';

/**
 * Asia-Pacific GST/VAT/JCT on electronically supplied services. Every country listed taxes digital
 * services to consumers supplied by foreign sellers through a simplified registration.
 */
export const asiaPacificRates: readonly TaxRateEntry[] = [
  {
    country: 'AU',
    type: 'gst',
    ratePercent: '10',
    label: 'GST 10%',
    jurisdiction: 'AU',
    registration: 'country',
    effectiveFromMs: 962373600000, // 2000-07-01 00:00 Australia/Sydney
    source:
      'Australian Taxation Office, A New Tax System (Goods and Services Tax) Act 1999 s. 9-70; imported digital services to consumers taxed since 1 July 2017',
  },
  {
    country: 'NZ',
    type: 'gst',
    ratePercent: '15',
    label: 'GST 15%',
    jurisdiction: 'NZ',
    registration: 'country',
    effectiveFromMs: 1285844400000, // 2010-10-01 00:00 Pacific/Auckland
    source:
      'Inland Revenue, Goods and Services Tax Act 1985 s. 8; remote services to consumers taxed since 1 October 2016',
  },
  {
    country: 'SG',
    type: 'gst',
    ratePercent: '7',
    label: 'GST 7%',
    jurisdiction: 'SG',
    registration: 'country',
    effectiveFromMs: 1183219200000, // 2007-07-01 00:00 Asia/Singapore
    source: 'IRAS, Goods and Services Tax Act 1993 s. 16',
  },
  {
    country: 'SG',
    type: 'gst',
    ratePercent: '8',
    label: 'GST 8%',
    jurisdiction: 'SG',
    registration: 'country',
    effectiveFromMs: 1672502400000, // 2023-01-01 00:00 Asia/Singapore
    source: 'IRAS, GST rate change of 1 January 2023',
  },
  {
    country: 'SG',
    type: 'gst',
    ratePercent: '9',
    label: 'GST 9%',
    jurisdiction: 'SG',
    registration: 'country',
    effectiveFromMs: 1704038400000, // 2024-01-01 00:00 Asia/Singapore
    source:
      'IRAS, GST rate change of 1 January 2024; overseas vendor registration for digital services since 2020',
  },
  {
    country: 'JP',
    type: 'jct',
    ratePercent: '10',
    label: 'JCT 10%',
    jurisdiction: 'JP',
    registration: 'country',
    effectiveFromMs: 1569855600000, // 2019-10-01 00:00 Asia/Tokyo
    source:
      'National Tax Agency, Consumption Tax Act (7.8% national + 2.2% local since 1 October 2019); cross-border electronic services rules',
    note: 'The 8% reduced rate is for food and newspapers, never software.',
  },
  {
    country: 'KR',
    type: 'vat',
    ratePercent: '10',
    label: 'VAT 10%',
    jurisdiction: 'KR',
    registration: 'country',
    effectiveFromMs: 236530800000, // 1977-07-01 00:00 Asia/Seoul
    source:
      'National Tax Service, Value-Added Tax Act; simplified registration for foreign electronic service suppliers',
  },
  {
    country: 'IN',
    type: 'gst',
    ratePercent: '18',
    label: 'IGST 18%',
    jurisdiction: 'IN',
    registration: 'country',
    effectiveFromMs: 1498847400000, // 2017-07-01 00:00 Asia/Kolkata
    source:
      'CBIC, Integrated Goods and Services Tax Act 2017 s. 14 (OIDAR services supplied from outside India)',
    note: 'OIDAR services from abroad carry IGST; a seller inside India would split CGST + SGST, which is not modelled.',
  },
];
