/*
 * The view model of the cards: everything a render needs as ready text, computed once per
 * response, interval, language and current price rather than on every render (a seat click, a
 * tier toggle and the refresh flag re-render the table without changing any of it).
 */
import { formatNumber } from '../i18n/dates.js';
import type { Translate } from '../i18n/translate.js';
import type { PricingMessageKey } from './messages.js';
import { extras } from './lazy-parts.js';
import { describePrice, type PriceView } from './price-view.js';
import type { PricingInterval, PricingProduct, PricingResponse } from './pricing-response.js';

/** Where a product stands against the customer's current price, or `undefined` outside the portal. */
export type Relation = 'current' | 'switch' | 'upgrade' | 'downgrade' | undefined;

/** A card's place against the current price, and its call to action's label for it. */
export interface RelationView {
  relation: Relation;
  /** "Current plan", "Upgrade", "Downgrade", "Switch to this plan"; `undefined` outside the portal. */
  relationLabel: string | undefined;
}

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
export interface CardView extends RelationView {
  product: PricingProduct;
  /** `undefined` for a "Custom" card (no price for the interval). */
  price: PriceView | undefined;
  features: FeatureView[];
}

/** Describes every card of a response for one interval and language. */
export function describeCards(data: PricingResponse, interval: PricingInterval, locale: string, t: Translate<PricingMessageKey>, currentPrice: string | undefined): CardView[] {
  const included = t('common.included');
  const notIncluded = t('common.notIncluded');
  return data.products.map((product) => ({
    product,
    price: describePrice(product, interval, locale, t, extras.value),
    // Portal mode (a current price) loads the extras chunk with the table, so this is there.
    ...(currentPrice && extras.value ? extras.value.describeRelation(product, data, interval, currentPrice, t) : { relation: undefined, relationLabel: undefined }),
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
