import { and, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { products, type ProductRow } from '../../db/schema.js';
import { paginate, type Page, type PageRequest } from '../../http/pagination.js';

export interface ProductFilters {
  active?: boolean | undefined;
  group?: string | undefined;
  lookupKey?: string | undefined;
}

/** Product rows of one mode; the only module that writes SQL for products. */
export function productRepository(db: Db) {
  const find = async (livemode: boolean, id: string): Promise<ProductRow | undefined> => {
    const [row] = await db.select().from(products).where(and(eq(products.livemode, livemode), eq(products.id, id))).limit(1);
    return row;
  };
  return {
    find,
    async findByLookupKey(livemode: boolean, lookupKey: string): Promise<ProductRow | undefined> {
      const [row] = await db.select().from(products).where(and(eq(products.livemode, livemode), eq(products.lookupKey, lookupKey))).limit(1);
      return row;
    },
    async insert(row: ProductRow): Promise<ProductRow> {
      const [inserted] = await db.insert(products).values(row).returning();
      return inserted as ProductRow;
    },
    async update(livemode: boolean, id: string, patch: Partial<ProductRow>): Promise<ProductRow | undefined> {
      const [row] = await db.update(products).set(patch).where(and(eq(products.livemode, livemode), eq(products.id, id))).returning();
      return row;
    },
    async remove(livemode: boolean, id: string): Promise<boolean> {
      const gone = await db.delete(products).where(and(eq(products.livemode, livemode), eq(products.id, id))).returning({ id: products.id });
      return gone.length === 1;
    },
    list(livemode: boolean, filters: ProductFilters, page: PageRequest): Promise<Page<ProductRow>> {
      const conditions: (SQL | undefined)[] = [eq(products.livemode, livemode)];
      if (filters.active !== undefined) conditions.push(eq(products.active, filters.active));
      if (filters.group !== undefined) conditions.push(eq(products.productGroup, filters.group));
      if (filters.lookupKey !== undefined) conditions.push(eq(products.lookupKey, filters.lookupKey));
      return paginate({
        page,
        columns: { createdAt: products.createdAt, id: products.id },
        find: (id) => find(livemode, id),
        query: (keyset, order, limit) =>
          db
            .select()
            .from(products)
            .where(and(...conditions, keyset))
            .orderBy(...order)
            .limit(limit),
      });
    },
  };
}
export type ProductRepository = ReturnType<typeof productRepository>;
