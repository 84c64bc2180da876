import type { Entitlement, Product } from '../catalog/index.js';
import { InvalidInputError } from '../errors/index.js';

/** A customer's merged entitlements by key. */
export type Entitlements = Readonly<Record<string, Entitlement>>;

/** Options of {@link entitlementsFor}. */
export interface EntitlementOptions {
  /**
   * How numeric limits of several products combine. `max` (default): the products are tiers of
   * one ladder, and holding Pro and Basic at once (mid plan change) gives Pro's limit, not both.
   * `sum`: products are stackable add-ons ("+10,000 API calls").
   */
  numeric?: 'max' | 'sum';
}

/**
 * Merges the entitlements of a customer's active products into one per key:
 * booleans OR together (any product granting a feature grants it); numeric limits take the
 * maximum (or the sum, see {@link EntitlementOptions}); string values come from the product
 * with the highest `rank` (unranked = 0), the first listed on a tie. Name and unit come from
 * the entitlement whose value was kept (the first listed for booleans and sums).
 * A key whose value types differ between products, or repeats within one product, is a
 * catalog mistake and throws {@link InvalidInputError}.
 *
 * @example entitlementsFor([basic, addOn]).api_calls?.value // 10000
 */
export function entitlementsFor(products: readonly Product[], options: EntitlementOptions = {}): Entitlements {
  const numeric = options.numeric ?? 'max';
  const merged = new Map<string, { entitlement: Entitlement; rank: number }>();
  products.forEach((product, i) => {
    const rank = product.rank ?? 0;
    const keys = new Set<string>();
    product.entitlements.forEach((e, j) => {
      const param = `products[${i}].entitlements[${j}]`;
      if (typeof e.key !== 'string' || e.key === '') throw new InvalidInputError(`${param}.key must be a non-empty string`, `${param}.key`);
      if (keys.has(e.key)) throw new InvalidInputError(`${param}.key repeats ${e.key} in one product`, `${param}.key`);
      keys.add(e.key);
      const kind = typeof e.value;
      if (kind !== 'boolean' && kind !== 'string' && !(kind === 'number' && Number.isFinite(e.value))) {
        throw new InvalidInputError(`${param}.value must be a boolean, a finite number or a string`, `${param}.value`);
      }
      const seen = merged.get(e.key);
      if (seen === undefined) {
        merged.set(e.key, { entitlement: { ...e }, rank });
        return;
      }
      const prev = seen.entitlement;
      if (typeof prev.value !== kind) {
        throw new InvalidInputError(`${param}.value is a ${kind}, but ${e.key} is a ${typeof prev.value} in another product`, `${param}.value`);
      }
      if (typeof prev.value === 'boolean') {
        prev.value = prev.value || (e.value as boolean);
      } else if (typeof prev.value === 'number') {
        const value = e.value as number;
        if (numeric === 'sum') prev.value += value;
        else if (value > prev.value) merged.set(e.key, { entitlement: { ...e }, rank });
      } else if (rank > seen.rank) {
        merged.set(e.key, { entitlement: { ...e }, rank });
      }
    });
  });
  return Object.fromEntries([...merged].map(([key, { entitlement }]) => [key, entitlement]));
}

/** True when the merged entitlements grant the boolean feature `key`. */
export function hasFeature(entitlements: Entitlements, key: string): boolean {
  return Object.hasOwn(entitlements, key) && entitlements[key]?.value === true;
}

/** The numeric limit `key`, or `undefined` when no product sets it. */
export function limitOf(entitlements: Entitlements, key: string): number | undefined {
  const value = Object.hasOwn(entitlements, key) ? entitlements[key]?.value : undefined;
  return typeof value === 'number' ? value : undefined;
}
