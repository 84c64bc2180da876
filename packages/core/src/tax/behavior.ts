import type { TaxBehavior } from '../catalog/index.js';
import type { TaxContext } from './context.js';

/**
 * Whether a price's amount includes tax for this customer. An explicit `inclusive`/`exclusive`
 * wins; `unspecified` is inclusive only in the customer countries the seller lists in
 * `pricesIncludeTaxIn`, exclusive everywhere else.
 *
 * Why exclusive by default, even for EU/UK/AU consumers who are used to tax-inclusive prices: an
 * inclusive default would silently lower the seller's net revenue by the tax rate in those
 * countries. Consumer price-display rules are met by pricing consumer plans `inclusive`, or by
 * listing the countries, which is an explicit choice.
 *
 * @example resolveTaxBehavior('unspecified', { seller: { country: 'DE', registrations: [], pricesIncludeTaxIn: ['DE'] }, customer: { country: 'DE', business: false } }) // 'inclusive'
 */
export function resolveTaxBehavior(taxBehavior: TaxBehavior, context: TaxContext): 'inclusive' | 'exclusive' {
  if (taxBehavior !== 'unspecified') return taxBehavior;
  // Codes compare case-insensitively, as the calculator upper-cases them.
  const country = context.customer.country.toUpperCase();
  const listed = (context.seller.pricesIncludeTaxIn ?? []).some((c) => c.toUpperCase() === country);
  return listed ? 'inclusive' : 'exclusive';
}
