import type { TaxCalculator, TaxContext } from '@abona/core';
import type { SellerSettings } from '../../billing/seller.js';
import { taxCalculatorFor, taxContextFor } from '../../billing/tax-context.js';
import type { CustomerDetailsJson } from '../../db/schema.js';

/** Customers' contexts kept per seller (the map is cleared when full: the hot set is a few places). */
const MAX_PER_SELLER = 500;

/**
 * The tax context and calculator of a sale, kept per seller and customer details. Building them
 * validates the seller's registrations and the customer's tax id (check digits): the same work
 * for every preview of the same visitor. Both are pure functions of their inputs. The seller is
 * the pricing service's cached object, replaced by a new one whenever the settings change, so it
 * keys a WeakMap and a settings change never meets an old calculator.
 */
export function taxMemo() {
  const bySeller = new WeakMap<SellerSettings, Map<string, { context: TaxContext; tax: TaxCalculator }>>();
  return (seller: SellerSettings, details: CustomerDetailsJson): { context: TaxContext; tax: TaxCalculator } => {
    let kept = bySeller.get(seller);
    if (!kept) bySeller.set(seller, (kept = new Map()));
    const key = JSON.stringify(details);
    let entry = kept.get(key);
    if (!entry) {
      entry = { context: taxContextFor(seller, details), tax: taxCalculatorFor(seller, details) };
      if (kept.size >= MAX_PER_SELLER) kept.clear();
      kept.set(key, entry);
    }
    return entry;
  };
}
