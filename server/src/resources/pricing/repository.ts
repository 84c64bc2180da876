import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { prices, products, type PriceRow, type ProductRow } from '../../db/schema.js';

/** Everything a pricing table can show in one mode: active products and their active recurring prices. */
export interface CatalogSnapshot {
  /** In catalog order (creation, then id). */
  products: ProductRow[];
  /** Active recurring prices by product id, in creation order. */
  pricesByProduct: Map<string, PriceRow[]>;
  /** Every active recurring price by id and by lookup key. */
  priceById: Map<string, PriceRow>;
  priceByLookupKey: Map<string, PriceRow>;
  productByKey: Map<string, ProductRow>;
}

/** The pricing table's reads: two queries, whatever the catalog size. */
export function pricingRepository(db: Executor) {
  return {
    async snapshot(livemode: boolean): Promise<CatalogSnapshot> {
      const productRows = await db
        .select()
        .from(products)
        .where(and(eq(products.livemode, livemode), eq(products.active, true)))
        .orderBy(asc(products.createdAt), asc(products.id));
      const priceRows = await db
        .select()
        .from(prices)
        .where(and(eq(prices.livemode, livemode), eq(prices.active, true), eq(prices.type, 'recurring')))
        .orderBy(asc(prices.createdAt), asc(prices.id));
      const pricesByProduct = new Map<string, PriceRow[]>();
      const priceById = new Map<string, PriceRow>();
      const priceByLookupKey = new Map<string, PriceRow>();
      for (const row of priceRows) {
        priceById.set(row.id, row);
        if (row.lookupKey !== null) priceByLookupKey.set(row.lookupKey, row);
        const list = pricesByProduct.get(row.productId) ?? [];
        list.push(row);
        pricesByProduct.set(row.productId, list);
      }
      const productByKey = new Map<string, ProductRow>();
      for (const row of productRows) {
        productByKey.set(row.id, row);
        if (row.lookupKey !== null) productByKey.set(row.lookupKey, row);
      }
      return { products: productRows, pricesByProduct, priceById, priceByLookupKey, productByKey };
    },
  };
}
export type PricingRepository = ReturnType<typeof pricingRepository>;
