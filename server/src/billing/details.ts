import type { CustomerDetailsJson, CustomerRow, CustomerTaxIdRow } from '../db/schema.js';
import type { SellerSettings } from './seller.js';

/** Who the invoice is for, from the customer row and its first tax id, frozen at finalization. */
export function customerDetailsOf(customer: CustomerRow, taxIds: readonly CustomerTaxIdRow[]): CustomerDetailsJson {
  const taxId = taxIds[0];
  const address: CustomerDetailsJson['address'] = {};
  if (customer.addressLine1) address.line1 = customer.addressLine1;
  if (customer.addressLine2) address.line2 = customer.addressLine2;
  if (customer.addressCity) address.city = customer.addressCity;
  if (customer.addressState) address.state = customer.addressState;
  if (customer.addressPostalCode) address.postalCode = customer.addressPostalCode;
  if (customer.addressCountry) address.country = customer.addressCountry;
  return {
    ...(customer.email ? { email: customer.email } : {}),
    ...(customer.name ? { name: customer.name } : {}),
    business: taxId !== undefined,
    address,
    ...(taxId
      ? { taxId: { type: taxId.type, value: taxId.value, valid: taxId.verificationStatus !== 'unverified', status: taxId.verificationStatus } }
      : {}),
    taxExempt: customer.taxExempt,
  };
}

/** The seller as printed on an invoice. */
export function sellerDetailsOf(seller: SellerSettings): Record<string, unknown> {
  return {
    name: seller.name,
    ...(seller.email ? { email: seller.email } : {}),
    address: seller.address,
    tax_ids: seller.tax.registrations.map((r) => ({ country: r.country, ...(r.taxId ? { value: r.taxId } : {}), ...(r.type ? { type: r.type } : {}) })),
  };
}
