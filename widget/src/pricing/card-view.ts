/*
 * The view model of the cards: everything a render needs as ready text, computed once per
 * response, interval, language and current price rather than on every render (a seat click, a
 * tier toggle and the refresh flag re-render the table without changing any of it).
 */
import { formatNumber } from '../i18n/dates.js';
import type { Translate } from '../i18n/translate.js';
import type { PricingMessageKey } from './messages.js';
import { extras } from './lazy-parts.js';
import { describePrice, pricesFor, type PriceView } from './price-view.js';
import type { PricingInterval, PricingProduct, PricingResponse } from './pricing-response.js';

/** Where a product stands against the customer's current price, or `undefined` outside the portal. */
export type Relation = 'current' | 'switch' | 'upgrade' | 'downgrade' | undefined;

/** One feature line of a card, as text. */
export interface FeatureView {
  included: boolean;
  /** The bold value ("10,000"), or empty. */
  amount: string;
  /** What follows the value: " API calls / month", or the name alone when there is no value. */
  text: string;
  /** "Included" / "Not included", for screen readers. */
  status: string;
}

/** One card, ready to render. */
export interface CardView {
  product: PricingProduct;
  /** `undefined` for a "Custom" card (no price for the interval). */
  price: PriceView | undefined;
  relation: Relation;
  features: FeatureView[];
}

/** Describes every card of a response for one interval and language. */
export function describeCards(data: PricingResponse, interval: PricingInterval, locale: string, t: Translate<PricingMessageKey>, currentPrice: string | undefined): CardView[] {
  const included = t('common.included');
  const notIncluded = t('common.notIncluded');
  return data.products.map((product) => ({
    product,
    price: describePrice(product, interval, locale, t, extras.value),
    relation: relationOf(product, data, interval, currentPrice),
    features: data.features.map((feature) => {
      const own = product.features.find((f) => f.key === feature.key);
      const value = own?.value ?? false;
      const isIncluded = value !== false && value !== 0;
      const unit = own?.unit ?? feature.unit;
      const name = own?.name ?? feature.name;
      const amount = typeof value === 'number' ? formatNumber(value, locale) : typeof value === 'string' ? value : '';
      return {
        included: isIncluded,
        amount,
        text: `${amount ? ' ' : ''}${name}${typeof value === 'number' && unit ? ` ${unit}` : ''}`,
        status: isIncluded ? included : notIncluded,
      };
    }),
  }));
}

/** Where a product stands against the customer's current price: same, above, below, or no portal session. */
export function relationOf(product: PricingProduct, data: PricingResponse, interval: PricingInterval, currentPrice: string | undefined): Relation {
  if (!currentPrice) return undefined;
  const shown = pricesFor(product, interval).main;
  if (shown?.id === currentPrice) return 'current';
  if (product.prices.some((p) => p.id === currentPrice)) return 'switch';
  const currentProduct = data.products.find((p) => p.prices.some((price) => price.id === currentPrice));
  if (!currentProduct) return undefined;
  const theirs = pricesFor(currentProduct, interval).main ?? currentProduct.prices.find((p) => p.id === currentPrice);
  const perUnit = (p: typeof shown) => p?.unit_display_amount ?? p?.display_amount;
  const mine = perUnit(shown);
  const current = perUnit(theirs);
  if (mine !== undefined && current !== undefined && mine !== current) return mine > current ? 'upgrade' : 'downgrade';
  return data.products.indexOf(product) > data.products.indexOf(currentProduct) ? 'upgrade' : 'downgrade';
}
