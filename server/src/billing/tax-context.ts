import { createBuiltInTaxCalculator, validateTaxId, type TaxCalculator, type TaxContext, type TaxIdType } from '@abona/core';
import type { CustomerDetailsJson } from '../db/schema.js';
import type { SellerSettings } from './seller.js';

/**
 * The engine's tax context for a sale: the seller's registrations and the customer's place,
 * business status and tax id. A tax id counts as valid when its format and check digits are
 * right and no online check has said otherwise: an unreachable VIES never blocks a checkout
 * (the id stays `pending` and is checked again later).
 */
export function taxContextFor(seller: SellerSettings, customer: CustomerDetailsJson): TaxContext {
  const country = customer.address.country ?? seller.tax.country;
  const taxId = customer.taxId;
  const validated = taxId ? validateTaxId(taxId.type as TaxIdType, taxId.value) : undefined;
  return {
    seller: seller.tax,
    customer: {
      country,
      ...(customer.address.state ? { state: customer.address.state } : {}),
      ...(customer.address.postalCode ? { postalCode: customer.address.postalCode } : {}),
      business: customer.business,
      ...(taxId && validated
        ? {
            taxId: {
              type: taxId.type,
              value: validated.normalized,
              valid: validated.valid && taxId.status !== 'unverified',
            },
          }
        : {}),
      exempt: customer.taxExempt ?? 'none',
    },
  };
}

/** The built-in calculator for a sale (the `TaxProvider` port can replace it). */
export function taxCalculatorFor(seller: SellerSettings, customer: CustomerDetailsJson): TaxCalculator {
  return createBuiltInTaxCalculator(taxContextFor(seller, customer));
}
