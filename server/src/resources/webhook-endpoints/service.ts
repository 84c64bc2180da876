import type { WebhookDeliveryListParams, WebhookEndpointCreateParams, WebhookEndpointListParams, WebhookEndpointUpdateParams } from '@abona/api';
import type { Clock } from '../../clock/index.js';
import type { Db } from '../../db/client.js';
import { NotFound } from '../../errors/index.js';
import { pageRequest, type Page } from '../../http/pagination.js';
import type { IdGenerator } from '../../ids/index.js';
import { failPendingOfEndpoint, listDeliveries, type EndpointRow } from '../../webhooks/repository.js';
import type { DeliveryRow } from '../../webhooks/serialize.js';
import { webhookEndpointRepository } from './repository.js';
import { checkWebhookUrl } from './url.js';

export interface WebhookEndpointServiceDeps {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
}

/** `['*']` wins over any list that contains it; duplicates are dropped, order kept. */
export function normalizeEnabledEvents(events: readonly string[]): string[] {
  return events.includes('*') ? ['*'] : [...new Set(events)];
}

/** Where the vendor receives events: CRUD, and the delivery log of each endpoint. */
export function webhookEndpointService(deps: WebhookEndpointServiceDeps) {
  const { db, clock, ids } = deps;
  const endpoints = webhookEndpointRepository(db);

  async function retrieve(livemode: boolean, id: string): Promise<EndpointRow> {
    const row = await endpoints.find(livemode, id);
    if (!row) throw new NotFound('webhook_endpoint', id);
    return row;
  }

  return {
    retrieve,

    /** Creates an enabled endpoint with a fresh `whsec_…` secret (answered once, in the create response). */
    async create(livemode: boolean, params: WebhookEndpointCreateParams): Promise<EndpointRow> {
      const nowMs = clock.now();
      const row: EndpointRow = {
        id: ids.next('whe'),
        livemode,
        createdAt: nowMs,
        updatedAt: nowMs,
        url: checkWebhookUrl(params.url, livemode),
        enabledEvents: normalizeEnabledEvents(params.enabled_events),
        // 32 base62 characters ≈ 190 bits.
        secret: `whsec_${ids.random(32)}`,
        description: params.description ?? null,
        status: 'enabled',
        deletedAt: null,
      };
      await endpoints.insert(row);
      return row;
    },

    async update(livemode: boolean, id: string, params: WebhookEndpointUpdateParams): Promise<EndpointRow> {
      await retrieve(livemode, id);
      const patch: Partial<EndpointRow> = { updatedAt: clock.now() };
      if (params.url !== undefined) patch.url = checkWebhookUrl(params.url, livemode);
      if (params.enabled_events !== undefined) patch.enabledEvents = normalizeEnabledEvents(params.enabled_events);
      if (params.description !== undefined) patch.description = params.description;
      if (params.status !== undefined) patch.status = params.status;
      await endpoints.update(livemode, id, patch);
      return retrieve(livemode, id);
    },

    list(livemode: boolean, params: WebhookEndpointListParams): Promise<Page<EndpointRow>> {
      return endpoints.list(livemode, pageRequest(params));
    },

    /** Soft delete; its pending deliveries fail at once (same transaction), nothing more is sent. */
    async remove(livemode: boolean, id: string): Promise<void> {
      const nowMs = clock.now();
      await db.transaction(async (tx) => {
        const row = await endpoints.find(livemode, id, tx);
        if (!row) throw new NotFound('webhook_endpoint', id);
        await endpoints.update(livemode, id, { deletedAt: nowMs, updatedAt: nowMs }, tx);
        await failPendingOfEndpoint(tx, id, nowMs, 'The endpoint was deleted');
      });
    },

    /** The endpoint's delivery log, newest first. */
    async deliveries(livemode: boolean, id: string, params: WebhookDeliveryListParams): Promise<Page<DeliveryRow>> {
      await retrieve(livemode, id);
      return listDeliveries(db, livemode, { endpointId: id, status: params.status }, pageRequest(params));
    },
  };
}
export type WebhookEndpointService = ReturnType<typeof webhookEndpointService>;
