import type { PriceRow, ProductRow } from '../../db/schema.js';

/**
 * How a product and its prices look on the pricing table, from `metadata` (strings, as Stripe's):
 *
 * | key | on | meaning |
 * | --- | --- | --- |
 * | `abona_highlight` | product | `"true"`: the card stands out ("Most popular") |
 * | `abona_badge` | product | text of a badge on the card |
 * | `abona_cta` | product | `"contact"`: "Contact sales" instead of checkout |
 * | `abona_cta_url` | product | where "Contact sales" leads |
 * | `abona_cta_label` | product | the button's own wording |
 * | `abona_unit_label` | price, else product | singular unit: `"seat"`; makes a per-unit price a seat price |
 * | `abona_min_quantity` | price, else product | smallest seat count (default 1) |
 * | `abona_max_quantity` | price, else product | largest seat count |
 * | `abona_pricing_table` | product | `"false"`: left out of the default table (add-ons, usage-only products); still shown when asked for by `products=` |
 */
export interface ProductDisplay {
  highlight: boolean;
  badge?: string;
  cta: { type: 'checkout' | 'contact'; url?: string; label?: string };
}

export interface PriceDisplay {
  unitLabel?: string;
  minQuantity?: number;
  maxQuantity?: number;
}

/** Whether a product appears on a pricing table that does not name its products. */
export function listedByDefault(product: ProductRow): boolean {
  return product.metadata.abona_pricing_table !== 'false';
}

function positiveInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,9}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 ? value : undefined;
}

export function productDisplay(product: ProductRow): ProductDisplay {
  const m = product.metadata;
  const contact = m.abona_cta === 'contact';
  const cta: ProductDisplay['cta'] = { type: contact ? 'contact' : 'checkout' };
  if (contact && m.abona_cta_url) cta.url = m.abona_cta_url;
  if (m.abona_cta_label) cta.label = m.abona_cta_label;
  return { highlight: m.abona_highlight === 'true', ...(m.abona_badge ? { badge: m.abona_badge } : {}), cta };
}

export function priceDisplay(price: PriceRow, product: ProductRow): PriceDisplay {
  const pick = (key: string) => price.metadata[key] ?? product.metadata[key];
  const out: PriceDisplay = {};
  const unitLabel = pick('abona_unit_label');
  if (unitLabel) out.unitLabel = unitLabel;
  const min = positiveInt(pick('abona_min_quantity'));
  const max = positiveInt(pick('abona_max_quantity'));
  if (min !== undefined) out.minQuantity = min;
  if (max !== undefined && (min === undefined || max >= min)) out.maxQuantity = max;
  return out;
}

/** A per-unit price is sold by the seat when the vendor named its unit or bounded its quantity; else it is one flat amount. */
export function isSeatPrice(display: PriceDisplay): boolean {
  return (
    display.unitLabel !== undefined || display.minQuantity !== undefined || display.maxQuantity !== undefined
  );
}
