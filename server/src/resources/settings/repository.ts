import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { coupons, settings } from '../../db/schema.js';

/** Settings of one mode by key, stored as JSON: the only SQL of the settings resource. */
export function settingsRepository(db: Executor) {
  return {
    async read(livemode: boolean, key: string): Promise<unknown> {
      const [row] = await db
        .select({ value: settings.value })
        .from(settings)
        .where(and(eq(settings.livemode, livemode), eq(settings.key, key)))
        .limit(1);
      return row?.value;
    },
    /** True when a coupon of this mode exists and is not deleted (a retention offer must be redeemable). */
    async couponExists(livemode: boolean, id: string): Promise<boolean> {
      const rows = await db
        .select({ id: coupons.id })
        .from(coupons)
        .where(and(eq(coupons.livemode, livemode), eq(coupons.id, id), isNull(coupons.deletedAt)))
        .limit(1);
      return rows.length > 0;
    },
    async write(livemode: boolean, key: string, value: unknown, nowMs: number): Promise<void> {
      await db
        .insert(settings)
        .values({ livemode, key, value, updatedAt: nowMs })
        .onConflictDoUpdate({ target: [settings.livemode, settings.key], set: { value, updatedAt: nowMs } });
    },
  };
}
