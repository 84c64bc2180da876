import { CatalogFile, type CatalogCoupon, type CatalogPrice, type CatalogProduct } from '@abona/api';
import type { PriceRow, ProductRow } from '../db/schema.js';
import { validate } from '../http/body.js';
import { priceDefinition, sameDefinition } from '../resources/prices/definition.js';
import type { Services } from '../services.js';

/** What one run changed; a second run of the same file reports only `unchanged`. */
export interface SeedReport {
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Prices whose amounts changed: a new price took the lookup key, the old one was archived. */
  replaced: string[];
  /** Changes that cannot be applied (coupons are immutable); fix the file or use a new lookup key. */
  warnings: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies a catalog file to one mode (test or live): upserts products and prices by
 * `lookup_key`, coupons by `lookup_key`, promotion codes by `code`. Idempotent: applying the
 * same file twice changes nothing. A price whose amounts changed is never edited (prices are
 * immutable): a new one takes over the lookup key and the old one is archived.
 *
 * @throws InvalidRequest for a malformed file (with the param path inside the file).
 */
export async function seedCatalog(services: Services, livemode: boolean, file: unknown): Promise<SeedReport> {
  const catalog = validate(CatalogFile, file);
  const report: SeedReport = { created: [], updated: [], unchanged: [], replaced: [], warnings: [] };
  const productIds = new Map<string, string>();

  for (const item of catalog.products) {
    const product = await upsertProduct(services, livemode, item, report);
    productIds.set(item.lookup_key, product.id);
    for (const price of item.prices ?? []) await upsertPrice(services, livemode, product, price, report);
  }
  for (const coupon of catalog.coupons ?? []) await upsertCoupon(services, livemode, coupon, productIds, report);
  return report;
}

async function upsertProduct(services: Services, livemode: boolean, item: CatalogProduct, report: SeedReport): Promise<ProductRow> {
  const label = `product ${item.lookup_key}`;
  const existing = await services.repos.products.findByLookupKey(livemode, item.lookup_key);
  const { prices: _prices, ...params } = item;
  if (!existing) {
    const created = await services.products.create(livemode, params);
    report.created.push(label);
    return created;
  }
  const wanted = {
    name: params.name,
    description: params.description ?? null,
    active: params.active ?? true,
    group: params.group ?? null,
    rank: params.rank ?? null,
    marketing_features: params.marketing_features ?? [],
    entitlements: params.entitlements ?? [],
    tax_code: params.tax_code ?? null,
  };
  const current = {
    name: existing.name,
    description: existing.description,
    active: existing.active,
    group: existing.productGroup,
    rank: existing.rank,
    marketing_features: existing.marketingFeatures,
    entitlements: existing.entitlements,
    tax_code: existing.taxCode,
  };
  const metadataChanged = params.metadata !== undefined && !same(existing.metadata, { ...existing.metadata, ...params.metadata });
  if (same(wanted, current) && !metadataChanged) {
    report.unchanged.push(label);
    return existing;
  }
  const updated = await services.products.update(livemode, existing.id, { ...wanted, ...(params.metadata ? { metadata: params.metadata } : {}) });
  report.updated.push(label);
  return updated;
}

async function upsertPrice(services: Services, livemode: boolean, product: ProductRow, item: CatalogPrice, report: SeedReport): Promise<PriceRow> {
  const label = `price ${item.lookup_key}`;
  const params = { ...item, product: product.id };
  const existing = await services.repos.prices.findByLookupKey(livemode, item.lookup_key);
  if (!existing) {
    const created = await services.prices.create(livemode, params);
    report.created.push(label);
    return created;
  }
  if (existing.productId !== product.id || !sameDefinition(existing, priceDefinition(params))) {
    const created = await services.prices.create(livemode, { ...params, transfer_lookup_key: true });
    await services.prices.update(livemode, existing.id, { active: false });
    report.replaced.push(label);
    return created;
  }
  const wanted = { active: item.active ?? true, nickname: item.nickname ?? null };
  const metadataChanged = item.metadata !== undefined && !same(existing.metadata, { ...existing.metadata, ...item.metadata });
  if (same(wanted, { active: existing.active, nickname: existing.nickname }) && !metadataChanged) {
    report.unchanged.push(label);
    return existing;
  }
  const updated = await services.prices.update(livemode, existing.id, { ...wanted, ...(item.metadata ? { metadata: item.metadata } : {}) });
  report.updated.push(label);
  return updated;
}

async function upsertCoupon(
  services: Services,
  livemode: boolean,
  item: CatalogCoupon,
  productIds: ReadonlyMap<string, string>,
  report: SeedReport,
): Promise<void> {
  const label = `coupon ${item.lookup_key}`;
  const { promotion_codes: codes, applies_to_products: productKeys, ...params } = item;
  const appliesTo = productKeys?.map((key) => {
    const id = productIds.get(key);
    if (!id) throw new Error(`coupon ${item.lookup_key}: applies_to_products names unknown product lookup_key '${key}'`);
    return id;
  });
  let coupon = await services.repos.coupons.findByLookupKey(livemode, item.lookup_key);
  if (!coupon) {
    coupon = await services.coupons.create(livemode, { ...params, ...(appliesTo ? { applies_to: { products: appliesTo } } : {}) });
    report.created.push(label);
  } else {
    const definition = (c: { percentOff: string | null; amountOff: number | null; duration: string; durationInMonths: number | null }) =>
      [c.percentOff, c.amountOff, c.duration, c.durationInMonths];
    const wanted = {
      percentOff: params.percent_off === undefined ? null : String(params.percent_off),
      amountOff: params.amount_off ?? null,
      duration: params.duration ?? 'once',
      durationInMonths: params.duration_in_months ?? null,
    };
    if (!same(definition(coupon), definition(wanted))) {
      report.warnings.push(`${label}: the discount differs from the database; coupons are immutable, so it was left as is (use a new lookup_key)`);
    }
    if ((params.name ?? null) !== coupon.name) {
      coupon = await services.coupons.update(livemode, coupon.id, { name: params.name ?? null });
      report.updated.push(label);
    } else {
      report.unchanged.push(label);
    }
  }
  for (const code of codes ?? []) {
    const codeLabel = `promotion_code ${code.code ?? '(generated)'}`;
    const existing = code.code === undefined ? undefined : await services.repos.promotionCodes.findByCode(livemode, code.code);
    if (!existing) {
      await services.promotionCodes.create(livemode, { ...code, coupon: coupon.id });
      report.created.push(codeLabel);
    } else if (existing.couponId !== coupon.id) {
      report.warnings.push(`${codeLabel}: already exists for another coupon; left as is`);
    } else if ((code.active ?? true) !== existing.active) {
      await services.promotionCodes.update(livemode, existing.id, { active: code.active ?? true });
      report.updated.push(codeLabel);
    } else {
      report.unchanged.push(codeLabel);
    }
  }
}
