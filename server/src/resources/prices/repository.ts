import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { prices, type PriceRow } from '../../db/schema.js';
import { paginate, type Page, type PageRequest } from '../../http/pagination.js';

export interface PriceFilters {
  active?: boolean | undefined;
  productId?: string | undefined;
  currency?: string | undefined;
  type?: 'one_time' | 'recurring' | undefined;
  lookupKeys?: readonly string[] | undefined;
}

/** Price rows of one mode. */
export function priceRepository(db: Db) {
  const find = async (livemode: boolean, id: string): Promise<PriceRow | undefined> => {
    const [row] = await db.select().from(prices).where(and(eq(prices.livemode, livemode), eq(prices.id, id))).limit(1);
    return row;
  };
  /** Frees a lookup key from whichever price holds it (Stripe's `transfer_lookup_key`). */
  const releaseLookupKey = (livemode: boolean, lookupKey: string) =>
    db.update(prices).set({ lookupKey: null }).where(and(eq(prices.livemode, livemode), eq(prices.lookupKey, lookupKey)));
  return {
    find,
    async findByLookupKey(livemode: boolean, lookupKey: string): Promise<PriceRow | undefined> {
      const [row] = await db.select().from(prices).where(and(eq(prices.livemode, livemode), eq(prices.lookupKey, lookupKey))).limit(1);
      return row;
    },
    /** Inserts, first taking `row.lookupKey` from its holder when `transfer` is set; atomically. */
    async insert(row: PriceRow, transfer = false): Promise<PriceRow> {
      if (transfer && row.lookupKey !== null) {
        const [, inserted] = await db.batch([releaseLookupKey(row.livemode, row.lookupKey), db.insert(prices).values(row).returning()]);
        return inserted[0] as PriceRow;
      }
      const [inserted] = await db.insert(prices).values(row).returning();
      return inserted as PriceRow;
    },
    async update(livemode: boolean, id: string, patch: Partial<PriceRow>, transferLookupKey = false): Promise<PriceRow | undefined> {
      const write = db.update(prices).set(patch).where(and(eq(prices.livemode, livemode), eq(prices.id, id))).returning();
      if (transferLookupKey && patch.lookupKey) {
        const [, rows] = await db.batch([releaseLookupKey(livemode, patch.lookupKey), write]);
        return rows[0];
      }
      const [row] = await write;
      return row;
    },
    async existsForProduct(livemode: boolean, productId: string): Promise<boolean> {
      const rows = await db.select({ id: prices.id }).from(prices).where(and(eq(prices.livemode, livemode), eq(prices.productId, productId))).limit(1);
      return rows.length > 0;
    },
    /**
     * Freezes a price the first time a subscription, invoice or checkout uses it. Call it in the
     * same batch as the write that uses the price.
     */
    markUsed(livemode: boolean, id: string, atMs: number) {
      return db.update(prices).set({ usedAt: atMs }).where(and(eq(prices.livemode, livemode), eq(prices.id, id), isNull(prices.usedAt)));
    },
    list(livemode: boolean, filters: PriceFilters, page: PageRequest): Promise<Page<PriceRow>> {
      const conditions: (SQL | undefined)[] = [eq(prices.livemode, livemode)];
      if (filters.active !== undefined) conditions.push(eq(prices.active, filters.active));
      if (filters.productId !== undefined) conditions.push(eq(prices.productId, filters.productId));
      if (filters.currency !== undefined) conditions.push(eq(prices.currency, filters.currency));
      if (filters.type !== undefined) conditions.push(eq(prices.type, filters.type));
      if (filters.lookupKeys !== undefined) conditions.push(inArray(prices.lookupKey, [...filters.lookupKeys]));
      return paginate({
        page,
        columns: { createdAt: prices.createdAt, id: prices.id },
        find: (id) => find(livemode, id),
        query: (keyset, order, limit) =>
          db
            .select()
            .from(prices)
            .where(and(...conditions, keyset))
            .orderBy(...order)
            .limit(limit),
      });
    },
  };
}
export type PriceRepository = ReturnType<typeof priceRepository>;
