/*
 * Portal mode: where each plan stands against the customer's current price ("Current plan",
 * "Upgrade", "Downgrade", "Switch to this plan"). Part of the extras chunk, which a table with a
 * `current-price` loads alongside its prices; a table on a public page never needs it.
 */
import { html, type TemplateResult } from 'lit';
import type { Translate } from '../i18n/translate.js';
import type { Relation, RelationView } from './card-view.js';
import type { PricingMessageKey } from './messages.js';
import { pricesFor } from './price-view.js';
import type { PricingInterval, PricingProduct, PricingResponse } from './pricing-response.js';

const labels = { current: 'pricing.cta.current', switch: 'pricing.cta.switch', upgrade: 'pricing.cta.upgrade', downgrade: 'pricing.cta.downgrade' } as const;

/** A card's relation to `currentPrice` and the label its call to action takes for it. */
export function describeRelation(product: PricingProduct, data: PricingResponse, interval: PricingInterval, currentPrice: string, t: Translate<PricingMessageKey>): RelationView {
  const relation = relationOf(product, data, interval, currentPrice);
  return { relation, relationLabel: relation && t(labels[relation]) };
}

/** Where a product stands against the customer's current price: same, above, below, or no portal session. */
export function relationOf(product: PricingProduct, data: PricingResponse, interval: PricingInterval, currentPrice: string): Relation {
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

/** The current plan's call to action: "Current plan", which does nothing (plans change from the other cards). */
export function renderCurrentPlan(label: string): TemplateResult {
  return html`<button type="button" class="button secondary cta current" part="cta" aria-disabled="true">${label}</button>`;
}
