import type { Db } from '../db/client.js';
import { randomIds, type IdGenerator } from '../ids/index.js';
import { endpointWants } from './matching.js';
import { activeEndpoints, insertDeliveries, markDispatched, undispatchedEvents } from './repository.js';
import type { DeliveryRow } from './serialize.js';

export interface DispatchOptions {
  /** Epoch ms: deliveries are due from this instant. */
  now: number;
  ids?: IdGenerator;
  /** Events fanned out per call (default 100). */
  limit?: number;
}

/**
 * Fans undispatched events out into one delivery per matching endpoint (enabled, same mode,
 * listening to the type or `*`), each in its own transaction with the event's `dispatched_at`.
 * Idempotent: the (event, endpoint) pair is unique and the event is marked once, so a crashed
 * or concurrent run repeats nothing.
 * @returns how many events this call fanned out.
 */
export async function dispatchEvents(db: Db, options: DispatchOptions): Promise<number> {
  const ids = options.ids ?? randomIds;
  const nowMs = options.now;
  const pending = await undispatchedEvents(db, options.limit ?? 100);
  let dispatched = 0;
  for (const event of pending) {
    const done = await db.transaction(async (tx) => {
      // Marking first makes a second dispatcher that read the same event back off entirely.
      if (!(await markDispatched(tx, event.id, nowMs))) return false;
      const endpoints = (await activeEndpoints(tx, event.livemode)).filter((endpoint) => endpointWants(endpoint.enabledEvents, event.type));
      const rows: DeliveryRow[] = endpoints.map((endpoint) => ({
        id: ids.next('whd'),
        livemode: event.livemode,
        createdAt: nowMs,
        updatedAt: nowMs,
        eventId: event.id,
        endpointId: endpoint.id,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: nowMs,
        lastAttemptAt: null,
        lastStatusCode: null,
        lastError: null,
        lockedUntil: null,
      }));
      await insertDeliveries(tx, rows);
      return true;
    });
    if (done) dispatched += 1;
  }
  return dispatched;
}
