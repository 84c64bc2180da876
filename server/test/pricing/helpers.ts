import { createServices } from '../../src/services.js';
import { readCatalogFile, demoCatalogPath } from '../../src/seed/demo.js';
import { seedCatalog } from '../../src/seed/seed-catalog.js';
import { setup, type Harness } from '../helpers.js';

/** 2026-01-15T12:00:00Z: after Romania's VAT rise to 21 % (1 Aug 2025). */
export const QUOTE_MS = Date.UTC(2026, 0, 15, 12);

/** A fresh app with the demo catalog seeded in test mode, its clock at {@link QUOTE_MS}. */
export async function demoHarness(databaseUrl?: string): Promise<Harness> {
  const h = await setup({}, databaseUrl);
  await seedCatalog(
    createServices({ db: h.db, clock: h.clock, ids: h.ids }),
    false,
    await readCatalogFile(demoCatalogPath),
  );
  h.clock.set(QUOTE_MS);
  return h;
}

/** Price ids of the demo catalog by lookup key. */
export async function priceIds(h: Harness): Promise<Record<string, string>> {
  const list = await h.json<{ data: { id: string; lookup_key: string | null }[] }>(
    'GET',
    '/v1/prices?limit=100',
  );
  return Object.fromEntries(list.data.flatMap((p) => (p.lookup_key ? [[p.lookup_key, p.id]] : [])));
}

export interface PricingBody {
  object: 'pricing';
  currency: string;
  country: string;
  available_currencies: string[];
  intervals: string[];
  features: { key: string; name: string; unit?: string }[];
  products: {
    id: string;
    name: string;
    highlight: boolean;
    badge?: string;
    cta: { type: string; url?: string; label?: string };
    features: { key: string; value: unknown }[];
    yearly_saving_percent?: number;
    prices: {
      id: string;
      interval: string;
      interval_count: number;
      currency: string;
      usage_type: string;
      model: string;
      unit_label?: string;
      trial_days?: number;
      quantity: number;
      max_quantity?: number;
      display_amount: number;
      net_amount: number;
      tax_amount: number;
      gross_amount: number;
      unit_display_amount?: number;
      monthly_display_amount?: number;
      tax_inclusive: boolean;
      tax_note: string;
      tax_label?: string;
      tiers?: { up_to: number | null; unit_amount_decimal: string; flat_amount: number }[];
    }[];
  }[];
}

/** The card of a product by name, and its price of an interval (licensed first). */
export function card(body: PricingBody, name: string) {
  const product = body.products.find((p) => p.name === name);
  if (!product) throw new Error(`no card ${name}`);
  const price = (interval: string) => {
    const found =
      product.prices.find((p) => p.interval === interval && p.usage_type === 'licensed') ??
      product.prices.find((p) => p.interval === interval);
    if (!found) throw new Error(`no ${interval} price on ${name}`);
    return found;
  };
  return { product, price };
}
