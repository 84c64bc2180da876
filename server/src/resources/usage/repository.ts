import { and, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inMode } from '../../db/in-mode.js';
import { subscriptions, usageEvents } from '../../db/schema.js';
import type { SubscriptionRow } from '../subscriptions/repository.js';

export type UsageEventRow = typeof usageEvents.$inferSelect;

/** Usage events: inserted once per (mode, event id); the unique index is the idempotency. */
export const usageRepository = {
  /** Inserts the rows whose event id is new; returns the ids that were stored. */
  async insertNew(ex: Executor, rows: readonly UsageEventRow[]): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const inserted = await ex.insert(usageEvents).values([...rows]).onConflictDoNothing().returning({ eventId: usageEvents.eventId });
    return new Set(inserted.map((r) => r.eventId));
  },
  async subscriptionsByIds(ex: Executor, livemode: boolean, ids: readonly string[]): Promise<SubscriptionRow[]> {
    if (ids.length === 0) return [];
    return ex.select().from(subscriptions).where(and(inMode(subscriptions.livemode, livemode), inArray(subscriptions.id, [...ids])));
  },
  async subscriptionsOfCustomers(ex: Executor, livemode: boolean, customerIds: readonly string[]): Promise<SubscriptionRow[]> {
    if (customerIds.length === 0) return [];
    return ex
      .select()
      .from(subscriptions)
      .where(and(inMode(subscriptions.livemode, livemode), inArray(subscriptions.customerId, [...customerIds]), inArray(subscriptions.status, ['trialing', 'active', 'past_due', 'unpaid'])));
  },
};
