import type { TaxType } from '../types.js';

/** Whether software as a service is taxed by this entry's tax. */
export type SaasTaxability = 'taxable' | 'exempt';

/**
 * One rate of one tax in one place, from one instant on. The rate in force at an instant is the
 * entry of the same place, `type` and `customer` with the latest `effectiveFromMs` not after it,
 * so a rate change is a new entry and history stays.
 */
export interface TaxRateEntry {
  /** ISO 3166-1 alpha-2 country of the customer. */
  country: string;
  /** Subdivision (US state, Canadian province), ISO 3166-2 without the country prefix. */
  state?: string;
  type: TaxType;
  /** Decimal percent string: `"21"`, `"9.975"`. */
  ratePercent: string;
  /** Local label for invoices: "TVA 21%", "USt. 19%", "GST 5%". */
  label: string;
  /** Where the tax is owed: `"FR"`, `"CA"` for GST, `"CA-QC"` for QST, `"US-NY"`. */
  jurisdiction: string;
  /**
   * What the seller must be registered for to collect it: the country (`{country}`, e.g. CRA for
   * GST/HST, a VAT number, or an EU OSS registration for EU VAT) or the subdivision itself
   * (`{country, state}`: US state sales tax, Québec QST, BC PST).
   */
  registration: 'country' | 'state';
  /** The instant (epoch ms, local midnight of the legal date) the rate takes effect; 0 = not tracked. */
  effectiveFromMs: number;
  /** The authority's publication the rate and rules come from. */
  source: string;
  /** Default `taxable`; `exempt` means the place knows this tax but SaaS is outside it. */
  saas?: SaasTaxability;
  /** Only for this kind of customer (Ohio taxes SaaS for business use only); default both. */
  customer?: 'business' | 'consumer';
  /** Percent of the charge that is taxable (Texas: `"80"`); default `"100"`. */
  taxableSharePercent?: string;
  /** The simplification or rule worth knowing about this entry. */
  note?: string;
}
