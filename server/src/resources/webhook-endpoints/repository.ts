import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { webhookEndpoints } from '../../db/schema.js';
import { paginate, type Page, type PageRequest } from '../../http/pagination.js';
import type { EndpointRow } from '../../webhooks/repository.js';

/** Webhook endpoints of one mode; deleted ones are hidden. */
export function webhookEndpointRepository(db: Executor) {
  const live = (livemode: boolean) => and(eq(webhookEndpoints.livemode, livemode), isNull(webhookEndpoints.deletedAt));
  const find = async (livemode: boolean, id: string, ex: Executor = db): Promise<EndpointRow | undefined> => {
    const [row] = await ex
      .select()
      .from(webhookEndpoints)
      .where(and(live(livemode), eq(webhookEndpoints.id, id)))
      .limit(1);
    return row;
  };
  return {
    find,
    async insert(row: EndpointRow): Promise<void> {
      await db.insert(webhookEndpoints).values(row);
    },
    async update(livemode: boolean, id: string, patch: Partial<EndpointRow>, ex: Executor = db): Promise<void> {
      await ex
        .update(webhookEndpoints)
        .set(patch)
        .where(and(live(livemode), eq(webhookEndpoints.id, id)));
    },
    list(livemode: boolean, page: PageRequest): Promise<Page<EndpointRow>> {
      return paginate({
        page,
        columns: { createdAt: webhookEndpoints.createdAt, id: webhookEndpoints.id },
        find: (id) => find(livemode, id),
        query: (keyset, order, limit) =>
          db
            .select()
            .from(webhookEndpoints)
            .where(and(live(livemode), keyset))
            .orderBy(...order)
            .limit(limit),
      });
    },
  };
}
export type WebhookEndpointRepository = ReturnType<typeof webhookEndpointRepository>;
