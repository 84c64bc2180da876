import type { Pricing, PricingQuery } from '@abona/api';
import { isCurrencyCode, resolvePrices, type MultiCurrencyPrice, type ResolvedPrice } from '@abona/core';
import { loadSeller, type SellerSettings } from '../../billing/seller.js';
import { taxContextFor } from '../../billing/tax-context.js';
import type { Clock } from '../../clock/index.js';
import type { Db } from '../../db/client.js';
import type { PriceRow, ProductRow } from '../../db/schema.js';
import { InvalidRequest } from '../../errors/index.js';
import { perModeCache } from './cache.js';
import { isSeatPrice, listedByDefault, priceDisplay, productDisplay, type PriceDisplay } from './display.js';
import { commonCurrencies, quoteCurrency, toMultiCurrencyPrice } from './multi-currency.js';
import { pricingRepository, type CatalogSnapshot } from './repository.js';
import { toPricing, type PricedProduct } from './serialize.js';
import { countryParam, guessCountry, visitorDetails, type CountryHints } from './visitor.js';

/** A snapshot with the engine's view of each price, made once per load rather than per request. */
export interface PricingCatalog extends CatalogSnapshot {
  multiById: Map<string, MultiCurrencyPrice>;
}

export interface PricingServiceDeps {
  db: Db;
  clock: Clock;
  /** How long a cached catalog lives without an invalidation (other replicas' writes). Default 10 s. */
  ttlMs?: number;
}

/** How long another replica's catalog change may take to show (this process's own writes show at once). */
const DEFAULT_TTL_MS = 10_000;
/** Answers kept per process; the table is cleared when full (the hot set is small: a few countries × currencies). */
const MAX_ANSWERS = 2000;
/** Answers are reused within one hour: tax rates and currency changeovers are dated, never mid-hour. */
const ANSWER_BUCKET_MS = 3_600_000;

/**
 * The pricing table's one call: every product card, each price resolved for the visitor by core's
 * `resolvePrices` (the real invoice builder and tax engine), so the table never disagrees with the
 * invoice. The catalog and seller are cached per mode and dropped on writes ({@link invalidate}).
 */
export function pricingService(deps: PricingServiceDeps) {
  const { db, clock } = deps;
  const repository = pricingRepository(db);
  const ttlMs = deps.ttlMs ?? DEFAULT_TTL_MS;
  const catalogs = perModeCache<PricingCatalog>(clock, ttlMs);
  const sellers = perModeCache<SellerSettings>(clock, ttlMs);
  // Whole answers by (mode, hour, visitor, query): the pricing table asks the same few questions
  // over and over. Dropped with the catalog and seller they were computed from.
  const answers = new Map<string, { answer: Promise<Pricing>; generation: number }>();
  const generations = new Map<boolean, number>();
  const generationOf = (livemode: boolean) => generations.get(livemode) ?? 0;

  const catalogOf = (livemode: boolean) =>
    catalogs.get(livemode, async () => {
      const snapshot = await repository.snapshot(livemode);
      const multiById = new Map<string, MultiCurrencyPrice>();
      for (const [id, row] of snapshot.priceById) multiById.set(id, toMultiCurrencyPrice(row));
      return { ...snapshot, multiById };
    });

  function selectProducts(catalog: PricingCatalog, products: string | undefined): ProductRow[] {
    if (products === undefined)
      return catalog.products.filter((p) => listedByDefault(p) && (catalog.pricesByProduct.get(p.id)?.length ?? 0) > 0);
    const keys = [
      ...new Set(
        products
          .split(',')
          .map((key) => key.trim())
          .filter((key) => key !== ''),
      ),
    ];
    if (keys.length === 0) throw new InvalidRequest('products lists no product', 'products');
    if (keys.length > 50) throw new InvalidRequest('products lists more than 50 products', 'products');
    const selected = keys.map((key) => {
      const product = catalog.productByKey.get(key);
      if (!product)
        throw new InvalidRequest(`No such active product: '${key}'`, 'products', 'resource_missing');
      return product;
    });
    return [...new Map(selected.map((p) => [p.id, p])).values()];
  }

  return {
    /** Drops cached catalog and seller of one mode (or both): call after writes that bypass the HTTP API. */
    invalidate(livemode?: boolean): void {
      catalogs.invalidate(livemode);
      sellers.invalidate(livemode);
      for (const mode of livemode === undefined ? [false, true] : [livemode])
        generations.set(mode, generationOf(mode) + 1);
      answers.clear();
    },

    /** The catalog snapshot of a mode, as cached (for quotes that price the same rows). */
    catalog: catalogOf,
    seller: (livemode: boolean) => sellers.get(livemode, () => loadSeller(db, livemode)),

    /** The answer for a visitor, from the answer cache when the same question was asked this hour. */
    async resolve(livemode: boolean, query: PricingQuery, hints: CountryHints): Promise<Pricing> {
      const atMs = clock.now();
      const seller = await sellers.get(livemode, () => loadSeller(db, livemode));
      const country =
        query.country !== undefined
          ? countryParam(query.country, 'country')
          : guessCountry(hints, seller.address.country);
      const generation = generationOf(livemode);
      const key = `${livemode}|${Math.floor(atMs / ANSWER_BUCKET_MS)}|${country}|${JSON.stringify(query)}`;
      const cached = answers.get(key);
      if (cached && cached.generation === generation) return cached.answer;
      const answer = compute(livemode, query, country, seller, atMs);
      if (answers.size >= MAX_ANSWERS) answers.clear();
      answers.set(key, { answer, generation });
      // A failed question (a 400) is not remembered.
      answer.catch(() => answers.delete(key));
      return answer;
    },
  };

  async function compute(
    livemode: boolean,
    query: PricingQuery,
    country: string,
    seller: SellerSettings,
    atMs: number,
  ): Promise<Pricing> {
    const catalog = await catalogOf(livemode);
    const preferred = query.currency?.toUpperCase();
    if (preferred !== undefined && !isCurrencyCode(preferred))
      throw new InvalidRequest(`Unknown currency: '${query.currency}'`, 'currency', 'invalid_currency');
    const details = visitorDetails(
      {
        country,
        state: query.state,
        postalCode: query.postal_code,
        business: query.business,
        taxId: query.tax_id !== undefined || query.tax_id_type !== undefined ? taxIdOf(query) : undefined,
      },
      'tax_id_type',
    );

    const products = selectProducts(catalog, query.products);
    const entries: { product: ProductRow; row: PriceRow; display: PriceDisplay }[] = [];
    for (const product of products) {
      for (const row of catalog.pricesByProduct.get(product.id) ?? [])
        entries.push({ product, row, display: priceDisplay(row, product) });
    }
    const rows = entries.map((e) => e.row);
    const available = commonCurrencies(rows);
    if (rows.length > 0 && available.length === 0) {
      throw new InvalidRequest(
        'These products share no currency; show them on separate tables',
        'products',
        'no_common_currency',
      );
    }
    const currency =
      rows.length === 0
        ? (preferred ?? seller.defaultCurrency)
        : quoteCurrency({ available, country, preferred, sellerDefault: seller.defaultCurrency, atMs });

    const quantity: Record<string, number> = {};
    for (const { row, display } of entries) {
      const asked = query.quantity?.[row.id];
      const q = asked ?? display.minQuantity ?? 1;
      const param = `quantity[${row.id}]`;
      if (display.minQuantity !== undefined && q < display.minQuantity)
        throw new InvalidRequest(`At least ${display.minQuantity} for this price`, param);
      if (display.maxQuantity !== undefined && q > display.maxQuantity)
        throw new InvalidRequest(`At most ${display.maxQuantity} for this price`, param);
      quantity[row.id] = q;
    }

    const customer = taxContextFor(seller, details).customer;
    const input = {
      prices: rows.map((row) => catalog.multiById.get(row.id) ?? toMultiCurrencyPrice(row)),
      country: customer.country,
      business: customer.business,
      atMs,
      seller: seller.tax,
      currency: currency as Parameters<typeof resolvePrices>[0]['currency'],
      ...(customer.state !== undefined ? { state: customer.state } : {}),
      ...(customer.postalCode !== undefined ? { postalCode: customer.postalCode } : {}),
      ...(customer.taxId !== undefined ? { taxId: customer.taxId } : {}),
      ...(customer.exempt !== undefined ? { exempt: customer.exempt } : {}),
    };
    const resolved = rows.length === 0 ? [] : resolvePrices({ ...input, quantity }).prices;
    // Seat prices show one seat's amount too; savings compare one unit of each interval.
    const unitNeeded = rows.some((row) => quantity[row.id] !== 1);
    const perUnit = unitNeeded ? resolvePrices(input).prices : resolved;

    const priced: PricedProduct[] = products.map((product) => ({
      product,
      display: productDisplay(product),
      prices: [],
    }));
    const byProduct = new Map(priced.map((p) => [p.product.id, p]));
    entries.forEach((entry, i) => {
      const price = resolved[i] as ResolvedPrice;
      const unit = perUnit[i] as ResolvedPrice;
      byProduct.get(entry.product.id)?.prices.push({
        row: entry.row,
        display: entry.display,
        seat: isSeatPrice(entry.display),
        resolved: price,
        unit,
      });
    });
    return toPricing({
      currency,
      country,
      available: rows.length === 0 ? [currency] : available,
      products: priced,
    });
  }
}
export type PricingService = ReturnType<typeof pricingService>;

function taxIdOf(query: PricingQuery): { type: string; value: string } {
  if (query.tax_id === undefined) throw new InvalidRequest('tax_id_type needs tax_id', 'tax_id');
  if (query.tax_id_type === undefined)
    throw new InvalidRequest('tax_id needs tax_id_type (e.g. "eu_vat")', 'tax_id_type');
  return { type: query.tax_id_type, value: query.tax_id };
}
