import type { TaxRateEntry } from './types.js';

const gstSource = 'Canada Revenue Agency, GST/HST rates by province (Excise Tax Act Part IX, Schedule VIII)';
const hstSource = gstSource;

/**
 * Canada by province: the federal GST (5%) or, in participating provinces, the HST in its place
 * (both administered by the CRA, so a federal registration collects them), plus the provincial
 * PST/RST/QST where the province taxes software and services, which needs its own registration.
 * Every province has a GST or HST entry, so a province missing here is an error, not an untaxed place.
 */
export const canadaRates: readonly TaxRateEntry[] = [
  {
    country: 'CA',
    state: 'AB',
    type: 'gst',
    ratePercent: '5',
    label: 'GST 5%',
    jurisdiction: 'CA',
    registration: 'country',
    effectiveFromMs: 1199170800000, // 2008-01-01 00:00 America/Edmonton
    source: gstSource,
  },
  {
    country: 'CA',
    state: 'BC',
    type: 'gst',
    ratePercent: '5',
    label: 'GST 5%',
    jurisdiction: 'CA',
    registration: 'country',
    effectiveFromMs: 1199174400000, // 2008-01-01 00:00 America/Vancouver
    source: gstSource,
  },
  {
    country: 'CA',
    state: 'BC',
    type: 'pst',
    ratePercent: '7',
    label: 'PST 7%',
    jurisdiction: 'CA-BC',
    registration: 'state',
    effectiveFromMs: 1364799600000, // 2013-04-01 00:00 America/Vancouver
    source:
      'BC Ministry of Finance, Provincial Sales Tax Act; Bulletin PST 105 (software, including software provided electronically)',
  },
  {
    country: 'CA',
    state: 'MB',
    type: 'gst',
    ratePercent: '5',
    label: 'GST 5%',
    jurisdiction: 'CA',
    registration: 'country',
    effectiveFromMs: 1199167200000, // 2008-01-01 00:00 America/Winnipeg
    source: gstSource,
  },
  {
    country: 'CA',
    state: 'MB',
    type: 'rst',
    ratePercent: '7',
    label: 'RST 7%',
    jurisdiction: 'CA-MB',
    registration: 'state',
    effectiveFromMs: 1561957200000, // 2019-07-01 00:00 America/Winnipeg
    source:
      'Manitoba Finance, The Retail Sales Tax Act; Bulletin 064 (computer software and related services)',
    note: 'Manitoba calls its provincial sales tax RST.',
  },
  {
    country: 'CA',
    state: 'SK',
    type: 'gst',
    ratePercent: '5',
    label: 'GST 5%',
    jurisdiction: 'CA',
    registration: 'country',
    effectiveFromMs: 1199167200000, // 2008-01-01 00:00 America/Regina
    source: gstSource,
  },
  {
    country: 'CA',
    state: 'SK',
    type: 'pst',
    ratePercent: '6',
    label: 'PST 6%',
    jurisdiction: 'CA-SK',
    registration: 'state',
    effectiveFromMs: 1490248800000, // 2017-03-23 00:00 America/Regina
    source:
      'Saskatchewan Ministry of Finance, The Provincial Sales Tax Act; Information Bulletin PST-11 (computer services and software)',
  },
  {
    country: 'CA',
    state: 'QC',
    type: 'gst',
    ratePercent: '5',
    label: 'GST 5%',
    jurisdiction: 'CA',
    registration: 'country',
    effectiveFromMs: 1199163600000, // 2008-01-01 00:00 America/Toronto
    source: gstSource,
  },
  {
    country: 'CA',
    state: 'QC',
    type: 'qst',
    ratePercent: '9.975',
    label: 'QST 9.975%',
    jurisdiction: 'CA-QC',
    registration: 'state',
    effectiveFromMs: 1357016400000, // 2013-01-01 00:00 America/Toronto
    source:
      'Revenu Québec, Act respecting the Québec sales tax s. 16; QST charged on the price excluding GST since 2013',
  },
  {
    country: 'CA',
    state: 'ON',
    type: 'hst',
    ratePercent: '13',
    label: 'HST 13%',
    jurisdiction: 'CA-ON',
    registration: 'country',
    effectiveFromMs: 1277956800000, // 2010-07-01 00:00 America/Toronto
    source: hstSource,
  },
  {
    country: 'CA',
    state: 'NB',
    type: 'hst',
    ratePercent: '15',
    label: 'HST 15%',
    jurisdiction: 'CA-NB',
    registration: 'country',
    effectiveFromMs: 1467342000000, // 2016-07-01 00:00 America/Moncton
    source: hstSource,
  },
  {
    country: 'CA',
    state: 'NS',
    type: 'hst',
    ratePercent: '15',
    label: 'HST 15%',
    jurisdiction: 'CA-NS',
    registration: 'country',
    effectiveFromMs: 1277953200000, // 2010-07-01 00:00 America/Halifax
    source: hstSource,
  },
  {
    country: 'CA',
    state: 'NS',
    type: 'hst',
    ratePercent: '14',
    label: 'HST 14%',
    jurisdiction: 'CA-NS',
    registration: 'country',
    effectiveFromMs: 1743476400000, // 2025-04-01 00:00 America/Halifax
    source: hstSource,
    note: 'CRA GST/HST Notice 342: 14% where tax becomes payable on or after 1 April 2025.',
  },
  {
    country: 'CA',
    state: 'PE',
    type: 'hst',
    ratePercent: '15',
    label: 'HST 15%',
    jurisdiction: 'CA-PE',
    registration: 'country',
    effectiveFromMs: 1475290800000, // 2016-10-01 00:00 America/Halifax
    source: hstSource,
  },
  {
    country: 'CA',
    state: 'NL',
    type: 'hst',
    ratePercent: '15',
    label: 'HST 15%',
    jurisdiction: 'CA-NL',
    registration: 'country',
    effectiveFromMs: 1467340200000, // 2016-07-01 00:00 America/St_Johns
    source: hstSource,
  },
  {
    country: 'CA',
    state: 'YT',
    type: 'gst',
    ratePercent: '5',
    label: 'GST 5%',
    jurisdiction: 'CA',
    registration: 'country',
    effectiveFromMs: 1199174400000, // 2008-01-01 00:00 America/Whitehorse
    source: gstSource,
  },
  {
    country: 'CA',
    state: 'NT',
    type: 'gst',
    ratePercent: '5',
    label: 'GST 5%',
    jurisdiction: 'CA',
    registration: 'country',
    effectiveFromMs: 1199170800000, // 2008-01-01 00:00 America/Edmonton
    source: gstSource,
  },
  {
    country: 'CA',
    state: 'NU',
    type: 'gst',
    ratePercent: '5',
    label: 'GST 5%',
    jurisdiction: 'CA',
    registration: 'country',
    effectiveFromMs: 1199163600000, // 2008-01-01 00:00 America/Iqaluit
    source: gstSource,
  },
];
