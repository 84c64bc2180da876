import { InvalidInputError } from '../errors/index.js';
import type { TaxContext, TaxSeller } from './context.js';
import { EU_COUNTRIES, hasSubdivisionRates, taxRateFor, type TaxRateEntry } from './rates/index.js';
import type { TaxTreatment, TaxType } from './types.js';

/** The legal mention EU invoices carry when the customer accounts for the VAT. */
export const EU_REVERSE_CHARGE_NOTE = 'Reverse charge – Article 196 of Council Directive 2006/112/EC';
/** The mention for a reverse charge outside the EU (set by `customer.exempt: 'reverse'`). */
export const REVERSE_CHARGE_NOTE = 'Reverse charge: the customer is liable to account for the tax';
/** The mention for an exempt customer. */
export const EXEMPT_NOTE = 'Tax exempt: the customer holds a tax exemption';

/** What the engine does for one context at one instant, the same for every line. */
export type TaxPlan =
  | { kind: 'collect'; entries: TaxRateEntry[]; notes: string[] }
  | { kind: 'reverse'; type: TaxType; label: string; jurisdiction: string; notes: string[] }
  | { kind: 'none'; treatment: Exclude<TaxTreatment, 'taxed' | 'reverse_charge'>; notes: string[] };

const hasOss = (seller: TaxSeller): boolean => seller.registrations.some((r) => r.type === 'oss');

/** A national (non-OSS) registration, or establishment, in `country`. */
function registeredInCountry(seller: TaxSeller, country: string): boolean {
  return (
    seller.country === country ||
    seller.registrations.some((r) => r.country === country && r.state === undefined && r.type !== 'oss')
  );
}

function registeredInState(seller: TaxSeller, country: string, state: string | undefined): boolean {
  return (
    (seller.country === country && seller.state === state) ||
    seller.registrations.some((r) => r.country === country && r.state === state)
  );
}

const reverseLabels: Partial<Record<TaxType, string>> = {
  gst: 'GST',
  hst: 'HST',
  jct: 'JCT',
  sales_tax: 'Sales tax',
};

function reversePlan(context: TaxContext, atMs: number, eu: boolean): TaxPlan {
  const { seller, customer } = context;
  let type: TaxType = 'vat';
  if (!eu && !(hasSubdivisionRates(customer.country) && customer.state === undefined)) {
    type = taxRateFor(customer.country, customer.state, atMs)?.[0]?.type ?? 'vat';
  }
  const notes = [eu ? EU_REVERSE_CHARGE_NOTE : REVERSE_CHARGE_NOTE];
  const sellerTaxId =
    seller.registrations.find((r) => r.country === seller.country && r.taxId !== undefined)?.taxId ??
    seller.registrations.find((r) => r.taxId !== undefined)?.taxId;
  const noun = eu ? 'VAT number' : 'tax ID';
  if (sellerTaxId !== undefined) notes.push(`Supplier ${noun}: ${sellerTaxId}`);
  if (customer.taxId !== undefined) notes.push(`Customer ${noun}: ${customer.taxId.value}`);
  return {
    kind: 'reverse',
    type,
    label: `${reverseLabels[type] ?? 'VAT'} 0% (reverse charge)`,
    jurisdiction: customer.country,
    notes,
  };
}

/**
 * Decides, once per invoice, which taxes the seller collects from this customer at `atMs`.
 * The rules, in order:
 * 1. an exempt customer pays none;
 * 2. reverse charge: when flagged, or for an EU customer with a valid VAT number bought from a
 *    seller established in another country (Art. 196 Directive 2006/112/EC), VAT is 0 and noted;
 * 3. an EU seller without OSS nor a registration in the consumer's member state charges its own
 *    VAT: below the EU-wide €10,000 threshold the place of supply stays at origin (Art. 59c), and
 *    not having registered is read as being below it;
 * 4. otherwise the destination's taxes, kept only where SaaS is taxable there (for this kind of
 *    customer) and the seller is registered to collect them (an OSS registration collects EU
 *    VAT from consumers; the home country and state count as registered).
 * A business without a valid tax number is treated as a consumer for VAT purposes.
 *
 * @throws InvalidInputError when the seller is registered in a country the rate table does not
 *   cover, or a US/CA customer has no state while the seller is registered there.
 */
export function planTaxes(context: TaxContext, atMs: number): TaxPlan {
  const { seller, customer } = context;
  if (customer.exempt === 'exempt') return { kind: 'none', treatment: 'exempt', notes: [EXEMPT_NOTE] };

  const destinationEu = EU_COUNTRIES.has(customer.country);
  const validTaxId = customer.business && customer.taxId?.valid === true;
  if (customer.exempt === 'reverse') return reversePlan(context, atMs, destinationEu);
  if (destinationEu && validTaxId && seller.country !== customer.country)
    return reversePlan(context, atMs, true);

  const ossCovers = destinationEu && !validTaxId && hasOss(seller);
  if (
    destinationEu &&
    EU_COUNTRIES.has(seller.country) &&
    !ossCovers &&
    !registeredInCountry(seller, customer.country)
  ) {
    const origin = taxRateFor(seller.country, undefined, atMs);
    if (origin === undefined)
      throw new InvalidInputError(`No VAT rate for ${seller.country} at that date`, 'atMs');
    return { kind: 'collect', entries: origin, notes: [] };
  }

  const registeredSomewhere =
    ossCovers ||
    seller.country === customer.country ||
    seller.registrations.some((r) => r.country === customer.country);
  if (!registeredSomewhere) return { kind: 'none', treatment: 'not_collected', notes: [] };

  if (hasSubdivisionRates(customer.country) && customer.state === undefined) {
    throw new InvalidInputError(
      `customer.state is required for customers in ${customer.country}`,
      'customer.state',
    );
  }
  const entries = taxRateFor(
    customer.country,
    customer.state,
    atMs,
    customer.business ? 'business' : 'consumer',
  );
  if (entries === undefined) {
    throw new InvalidInputError(
      `The built-in tax engine has no rates for ${customer.country}${customer.state ? `-${customer.state}` : ''}; plug in a TaxProvider`,
      'customer.country',
      'tax_jurisdiction_unsupported',
    );
  }
  const taxable = entries.filter((e) => e.saas !== 'exempt');
  if (taxable.length === 0) return { kind: 'none', treatment: 'not_taxable', notes: [] };
  const collected = taxable.filter((e) =>
    e.registration === 'state'
      ? registeredInState(seller, e.country, e.state)
      : registeredInCountry(seller, e.country) || (ossCovers && EU_COUNTRIES.has(e.country)),
  );
  if (collected.length === 0) return { kind: 'none', treatment: 'not_collected', notes: [] };
  return { kind: 'collect', entries: collected, notes: [] };
}
