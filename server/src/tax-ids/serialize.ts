import { toIso } from '@abona/core';
import type { CustomerTaxIdRow } from '../db/schema.js';

/** A tax id as `customer.tax_id.*` events carry it (Stripe's `tax_id` object, with its `verification`). */
export function toTaxIdEventObject(row: CustomerTaxIdRow) {
  return {
    id: row.id,
    object: 'tax_id' as const,
    customer: row.customerId,
    type: row.type,
    value: row.value,
    country: row.country,
    verification: { status: row.verificationStatus, verified_name: row.verifiedName },
    livemode: row.livemode,
    created: toIso(row.createdAt),
  };
}
