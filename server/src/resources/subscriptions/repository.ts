import { and, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { listMode } from '../../db/in-mode.js';
import { subscriptions } from '../../db/schema.js';
import { paginate, type Page, type PageRequest } from '../../http/pagination.js';

export type SubscriptionRow = typeof subscriptions.$inferSelect;

export interface SubscriptionFilters {
  customerId?: string | undefined;
  status?: SubscriptionRow['status'] | undefined;
}

/** Subscription rows of one mode. Writers pass the version they read (optimistic concurrency). */
export const subscriptionRepository = {
  async find(ex: Executor, livemode: boolean, id: string): Promise<SubscriptionRow | undefined> {
    const [row] = await ex
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.livemode, livemode), eq(subscriptions.id, id)))
      .limit(1);
    return row;
  },
  async insert(ex: Executor, row: SubscriptionRow): Promise<void> {
    await ex.insert(subscriptions).values(row);
  },
  /** Writes `patch` only if the row still has `version`; undefined when someone else wrote first. */
  async update(
    ex: Executor,
    livemode: boolean,
    id: string,
    version: number,
    patch: Partial<SubscriptionRow>,
  ): Promise<SubscriptionRow | undefined> {
    const [row] = await ex
      .update(subscriptions)
      .set(patch)
      .where(
        and(
          eq(subscriptions.livemode, livemode),
          eq(subscriptions.id, id),
          eq(subscriptions.version, version),
        ),
      )
      .returning();
    return row;
  },
  list(
    ex: Executor,
    livemode: boolean,
    filters: SubscriptionFilters,
    page: PageRequest,
  ): Promise<Page<SubscriptionRow>> {
    const conditions: (SQL | undefined)[] = [listMode(subscriptions.livemode, livemode, [filters.customerId])];
    if (filters.customerId !== undefined) conditions.push(eq(subscriptions.customerId, filters.customerId));
    if (filters.status !== undefined) conditions.push(eq(subscriptions.status, filters.status));
    return paginate({
      page,
      columns: { createdAt: subscriptions.createdAt, id: subscriptions.id },
      find: (id) => subscriptionRepository.find(ex, livemode, id),
      query: (keyset, order, limit) =>
        ex
          .select()
          .from(subscriptions)
          .where(and(...conditions, keyset))
          .orderBy(...order)
          .limit(limit),
    });
  },
};
