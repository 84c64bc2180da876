import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { coupons, promotionCodes, type CouponRow, type PromotionCodeRow } from '../../db/schema.js';
import { paginate, type Page, type PageRequest } from '../../http/pagination.js';

export interface PromotionCodeFilters {
  active?: boolean | undefined;
  codeKey?: string | undefined;
  couponId?: string | undefined;
  customerId?: string | undefined;
}

/** Promotion code rows of one mode. */
export function promotionCodeRepository(db: Db) {
  const find = async (livemode: boolean, id: string): Promise<PromotionCodeRow | undefined> => {
    const [row] = await db.select().from(promotionCodes).where(and(eq(promotionCodes.livemode, livemode), eq(promotionCodes.id, id))).limit(1);
    return row;
  };
  // Prepared once per mode: building the query each call was a measurable part of an invoice
  // preview. The mode is a literal, not a placeholder, so the boolean column keeps its encoding.
  const byCodeIn = (livemode: boolean) =>
    db
      .select()
      .from(promotionCodes)
      .where(and(eq(promotionCodes.livemode, livemode), eq(promotionCodes.codeKey, sql.placeholder('codeKey'))))
      .limit(1)
      .prepare();
  const byCode = { live: byCodeIn(true), test: byCodeIn(false) };
  const withCouponIn = (livemode: boolean) =>
    db
      .select({ code: promotionCodes, coupon: coupons })
      .from(promotionCodes)
      .leftJoin(coupons, and(eq(coupons.livemode, livemode), eq(coupons.id, promotionCodes.couponId), isNull(coupons.deletedAt)))
      .where(and(eq(promotionCodes.livemode, livemode), eq(promotionCodes.codeKey, sql.placeholder('codeKey'))))
      .limit(1)
      .prepare();
  const withCoupon = { live: withCouponIn(true), test: withCouponIn(false) };
  return {
    find,
    /** By the code the customer typed, case-insensitively. */
    async findByCode(livemode: boolean, code: string): Promise<PromotionCodeRow | undefined> {
      const [row] = await (livemode ? byCode.live : byCode.test).all({ codeKey: code.toUpperCase() });
      return row;
    },
    /** As {@link findByCode}, with its coupon (`null` once the coupon is deleted) in the same read. */
    async findByCodeWithCoupon(livemode: boolean, code: string): Promise<{ code: PromotionCodeRow; coupon: CouponRow | null } | undefined> {
      const [row] = await (livemode ? withCoupon.live : withCoupon.test).all({ codeKey: code.toUpperCase() });
      return row;
    },
    async insert(row: PromotionCodeRow): Promise<PromotionCodeRow> {
      const [inserted] = await db.insert(promotionCodes).values(row).returning();
      return inserted as PromotionCodeRow;
    },
    async update(livemode: boolean, id: string, patch: Partial<PromotionCodeRow>): Promise<PromotionCodeRow | undefined> {
      const [row] = await db.update(promotionCodes).set(patch).where(and(eq(promotionCodes.livemode, livemode), eq(promotionCodes.id, id))).returning();
      return row;
    },
    list(livemode: boolean, filters: PromotionCodeFilters, page: PageRequest): Promise<Page<PromotionCodeRow>> {
      const conditions: (SQL | undefined)[] = [eq(promotionCodes.livemode, livemode)];
      if (filters.active !== undefined) conditions.push(eq(promotionCodes.active, filters.active));
      if (filters.codeKey !== undefined) conditions.push(eq(promotionCodes.codeKey, filters.codeKey));
      if (filters.couponId !== undefined) conditions.push(eq(promotionCodes.couponId, filters.couponId));
      if (filters.customerId !== undefined) conditions.push(eq(promotionCodes.customerId, filters.customerId));
      return paginate({
        page,
        columns: { createdAt: promotionCodes.createdAt, id: promotionCodes.id },
        find: (id) => find(livemode, id),
        query: (keyset, order, limit) =>
          db
            .select()
            .from(promotionCodes)
            .where(and(...conditions, keyset))
            .orderBy(...order)
            .limit(limit),
      });
    },
  };
}
export type PromotionCodeRepository = ReturnType<typeof promotionCodeRepository>;
