import { describe, it, expect, beforeEach } from 'vitest';
import { Price, Product, PromotionCode } from '@abona/api';
import { createServices } from '../src/services.js';
import { readCatalogFile, seedCatalog, seedDemo, demoCatalogPath } from '../src/seed/index.js';
import { prices } from '../src/db/schema.js';
import { setup, type Harness } from './helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await setup();
});

const services = () => createServices({ db: h.db, clock: h.clock, ids: h.ids });
type PriceList = { data: Price[]; has_more: boolean };

describe('demo seed', () => {
  it('seeds the demo catalog and keys, and a second run changes nothing', async () => {
    const first = await seedDemo({ db: h.db, services: services(), clock: h.clock, ids: h.ids });
    expect(first.created).toContain('product basic');
    expect(first.created).toContain('promotion_code DEMO20');
    expect(first.warnings).toEqual([]);
    const second = await seedDemo({ db: h.db, services: services(), clock: h.clock, ids: h.ids });
    expect(second.created).toEqual([]);
    expect(second.updated).toEqual([]);
    expect(second.replaced).toEqual([]);
    expect(second.unchanged).toHaveLength(first.created.length);

    // The demo keys work (test mode), the publishable one only for the catalog.
    const list = await h.json<{ data: Product[] }>('GET', '/v1/products?limit=100&group=plans', { key: 'pk_test_abona_demo' });
    expect(list.data.map((p) => [p.name, p.rank])).toEqual([
      ['Enterprise', 3],
      ['Pro', 2],
      ['Basic', 1],
    ]);
    expect((await h.call('GET', '/v1/customers', { key: 'pk_test_abona_demo' })).status).toBe(403);
    expect((await h.call('GET', '/v1/customers', { key: 'sk_test_abona_demo' })).status).toBe(200);
  });

  it('has monthly and yearly plan prices in EUR, USD and RON, yearly = 10 × monthly', async () => {
    await seedDemo({ db: h.db, services: services(), clock: h.clock, ids: h.ids });
    for (const plan of ['basic', 'pro', 'enterprise', 'priority_support']) {
      const found = await h.json<PriceList>('GET', `/v1/prices?lookup_keys=${plan}_monthly&lookup_keys=${plan}_yearly`);
      const monthly = found.data.find((p) => p.lookup_key === `${plan}_monthly`)!;
      const yearly = found.data.find((p) => p.lookup_key === `${plan}_yearly`)!;
      expect(monthly.recurring?.interval).toBe('month');
      expect(yearly.recurring?.interval).toBe('year');
      expect(yearly.unit_amount).toBe(monthly.unit_amount! * 10);
      for (const currency of ['USD', 'RON']) {
        expect(yearly.currency_options[currency]!.unit_amount).toBe(monthly.currency_options[currency]!.unit_amount! * 10);
      }
    }
    const team = (await h.json<PriceList>('GET', '/v1/prices?lookup_keys=team_seat_monthly')).data[0]!;
    expect(team).toMatchObject({ billing_scheme: 'tiered', tiers_mode: 'graduated', recurring: { usage_type: 'licensed' } });
    const api = (await h.json<PriceList>('GET', '/v1/prices?lookup_keys=api_calls_monthly')).data[0]!;
    expect(api.tiers![0]).toMatchObject({ up_to: 10000, unit_amount: 0 });
    expect(api.tiers![1]).toMatchObject({ up_to: null, unit_amount_decimal: '0.2' });
    expect(api.recurring).toMatchObject({ usage_type: 'metered', aggregate_usage: 'sum' });
    const promo = PromotionCode.parse((await h.json<{ data: unknown[] }>('GET', '/v1/promotion_codes?code=demo20')).data[0]);
    expect(promo.coupon).toMatchObject({ percent_off: 20, valid: true });
  });
});

describe('seedCatalog', () => {
  it('replaces a price whose amount changed: new price takes the lookup key, old one archived', async () => {
    const catalog = (amount: number) => ({
      products: [{ lookup_key: 'p', name: 'P', prices: [{ lookup_key: 'p_monthly', currency: 'EUR', unit_amount: amount, recurring: { interval: 'month' } }] }],
    });
    await seedCatalog(services(), false, catalog(1000));
    const report = await seedCatalog(services(), false, catalog(1200));
    expect(report.replaced).toEqual(['price p_monthly']);
    const all = await h.db.select().from(prices);
    expect(all.map((p) => [p.unitAmount, p.active, p.lookupKey])).toEqual([
      [1000, false, null],
      [1200, true, 'p_monthly'],
    ]);
    // Renaming a product is an update, not a new product.
    const renamed = await seedCatalog(services(), false, { ...catalog(1200), products: [{ ...catalog(1200).products[0]!, name: 'P2' }] });
    expect(renamed.updated).toEqual(['product p']);
    expect(renamed.unchanged).toEqual(['price p_monthly']);
  });

  it('keeps test and live catalogs apart', async () => {
    const file = await readCatalogFile(demoCatalogPath);
    await seedCatalog(services(), true, file);
    expect((await h.json<{ data: unknown[] }>('GET', '/v1/products')).data).toEqual([]);
    expect((await h.json<{ data: unknown[] }>('GET', '/v1/products', { key: 'sk_live_secret_one' })).data.length).toBeGreaterThan(0);
  });

  it('rejects a malformed file with the path of the bad field', async () => {
    await expect(seedCatalog(services(), false, { products: [{ lookup_key: 'x', name: 'X', prices: [{ lookup_key: 'y', currency: 'EUR', unit_amount: 'ten' }] }] })).rejects.toMatchObject({
      param: 'products[0][prices][0][unit_amount]',
    });
  });
});
