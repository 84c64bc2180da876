import type { EventListParams, EventRedeliverParams } from '@abona/api';
import type { Clock } from '../clock/index.js';
import type { Db } from '../db/client.js';
import { InvalidRequest, NotFound } from '../errors/index.js';
import { pageRequest, type Page } from '../http/pagination.js';
import type { IdGenerator } from '../ids/index.js';
import { deliveriesOfEvent, findEndpointById, findEvent, insertDeliveries, listEvents, requeueDeliveries } from './repository.js';
import type { DeliveryRow, EventRow } from './serialize.js';

export interface EventServiceDeps {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
}

/** Events of the outbox as the vendor reads them, and manual redelivery. */
export function eventService(deps: EventServiceDeps) {
  const { db, clock, ids } = deps;

  async function retrieve(livemode: boolean, id: string): Promise<EventRow> {
    const row = await findEvent(db, livemode, id);
    if (!row) throw new NotFound('event', id);
    return row;
  }

  return {
    retrieve,

    list(livemode: boolean, params: EventListParams): Promise<Page<EventRow>> {
      return listEvents(db, livemode, { type: params.type }, pageRequest(params));
    },

    async deliveries(livemode: boolean, id: string): Promise<DeliveryRow[]> {
      await retrieve(livemode, id);
      return deliveriesOfEvent(db, livemode, id);
    },

    /**
     * Sends the event again, with the same id and body: to `params.endpoint` (creating its
     * delivery if the event never went there), or to every live endpoint it went to. The
     * deliveries become due now; the worker sends them.
     * @returns the event's deliveries after the change.
     */
    async redeliver(livemode: boolean, id: string, params: EventRedeliverParams): Promise<DeliveryRow[]> {
      const nowMs = clock.now();
      return db.transaction(async (tx) => {
        const event = await findEvent(tx, livemode, id);
        if (!event) throw new NotFound('event', id);
        const existing = await deliveriesOfEvent(tx, livemode, id);
        if (params.endpoint !== undefined) {
          const endpoint = await findEndpointById(tx, params.endpoint);
          if (!endpoint || endpoint.livemode !== livemode || endpoint.deletedAt !== null) throw new NotFound('webhook_endpoint', params.endpoint, 'endpoint');
          if (endpoint.status !== 'enabled') throw new InvalidRequest('The endpoint is disabled; enable it first', 'endpoint');
          const delivery = existing.find((row) => row.endpointId === endpoint.id);
          if (delivery) await requeueDeliveries(tx, [delivery.id], nowMs);
          else {
            await insertDeliveries(tx, [
              {
                id: ids.next('whd'),
                livemode,
                createdAt: nowMs,
                updatedAt: nowMs,
                eventId: id,
                endpointId: endpoint.id,
                status: 'pending',
                attempts: 0,
                nextAttemptAt: nowMs,
                lastAttemptAt: null,
                lastStatusCode: null,
                lastError: null,
                lockedUntil: null,
              },
            ]);
          }
        } else {
          const targets: string[] = [];
          for (const delivery of existing) {
            const endpoint = await findEndpointById(tx, delivery.endpointId);
            if (endpoint && endpoint.deletedAt === null && endpoint.status === 'enabled') targets.push(delivery.id);
          }
          if (targets.length === 0) throw new InvalidRequest('The event has no delivery to an enabled endpoint; name one with `endpoint`', 'endpoint');
          await requeueDeliveries(tx, targets, nowMs);
        }
        return deliveriesOfEvent(tx, livemode, id);
      });
    },
  };
}
export type EventService = ReturnType<typeof eventService>;
