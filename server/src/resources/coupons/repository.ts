import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { coupons, type CouponRow } from '../../db/schema.js';
import { paginate, type Page, type PageRequest } from '../../http/pagination.js';

/** Coupon rows of one mode; deleted coupons stay (promotion codes and discounts point at them) but are hidden. */
export function couponRepository(db: Db) {
  // Prepared once per mode: building the query each call was a measurable part of an invoice
  // preview. The mode is a literal, not a placeholder, so the boolean column keeps its encoding.
  const byIdIn = (livemode: boolean) =>
    db
      .select()
      .from(coupons)
      .where(and(eq(coupons.livemode, livemode), eq(coupons.id, sql.placeholder('id')), isNull(coupons.deletedAt)))
      .limit(1)
      .prepare();
  const byId = { live: byIdIn(true), test: byIdIn(false) };
  const find = async (livemode: boolean, id: string): Promise<CouponRow | undefined> => {
    const [row] = await (livemode ? byId.live : byId.test).all({ id });
    return row;
  };
  return {
    find,
    /** Including deleted ones: for objects that embed a coupon they were created with. */
    async findMany(livemode: boolean, ids: readonly string[]): Promise<CouponRow[]> {
      if (ids.length === 0) return [];
      return db.select().from(coupons).where(and(eq(coupons.livemode, livemode), inArray(coupons.id, [...ids])));
    },
    async findByLookupKey(livemode: boolean, lookupKey: string): Promise<CouponRow | undefined> {
      const [row] = await db
        .select()
        .from(coupons)
        .where(and(eq(coupons.livemode, livemode), eq(coupons.lookupKey, lookupKey), isNull(coupons.deletedAt)))
        .limit(1);
      return row;
    },
    async insert(row: CouponRow): Promise<CouponRow> {
      const [inserted] = await db.insert(coupons).values(row).returning();
      return inserted as CouponRow;
    },
    async update(livemode: boolean, id: string, patch: Partial<CouponRow>): Promise<CouponRow | undefined> {
      const [row] = await db
        .update(coupons)
        .set(patch)
        .where(and(eq(coupons.livemode, livemode), eq(coupons.id, id), isNull(coupons.deletedAt)))
        .returning();
      return row;
    },
    list(livemode: boolean, page: PageRequest): Promise<Page<CouponRow>> {
      const conditions: SQL[] = [eq(coupons.livemode, livemode), isNull(coupons.deletedAt)];
      return paginate({
        page,
        columns: { createdAt: coupons.createdAt, id: coupons.id },
        find: (id) => find(livemode, id),
        query: (keyset, order, limit) =>
          db
            .select()
            .from(coupons)
            .where(and(...conditions, keyset))
            .orderBy(...order)
            .limit(limit),
      });
    },
  };
}
export type CouponRepository = ReturnType<typeof couponRepository>;
