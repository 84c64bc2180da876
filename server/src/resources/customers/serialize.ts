import type { Customer } from '@abona/api';
import { toIso } from '@abona/core';
import type { CustomerRow, CustomerTaxIdRow } from '../../db/schema.js';

/** A customer with its tax ids, as services hand it to routes. */
export interface CustomerView {
  customer: CustomerRow;
  taxIds: CustomerTaxIdRow[];
}

/** A customer as the API shows it. */
export function toCustomer(view: CustomerView): Customer {
  const { customer: row, taxIds } = view;
  const addressParts = [row.addressLine1, row.addressLine2, row.addressCity, row.addressState, row.addressPostalCode, row.addressCountry];
  return {
    id: row.id,
    object: 'customer',
    email: row.email,
    name: row.name,
    phone: row.phone,
    description: row.description,
    address: addressParts.every((part) => part === null)
      ? null
      : {
          line1: row.addressLine1,
          line2: row.addressLine2,
          city: row.addressCity,
          state: row.addressState,
          postal_code: row.addressPostalCode,
          country: row.addressCountry,
        },
    tax_ids: taxIds.map((taxId) => ({ id: taxId.id, object: 'tax_id' as const, type: taxId.type, value: taxId.value, country: taxId.country })),
    locale: row.locale,
    preferred_currency: row.preferredCurrency,
    metadata: row.metadata,
    test_clock: row.testClockId,
    livemode: row.livemode,
    created: toIso(row.createdAt),
  };
}
