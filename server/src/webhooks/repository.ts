/**
 * The only SQL of the outbox: events, their fan-out into deliveries, and the claim that keeps
 * two workers from sending the same attempt.
 */
import { and, asc, eq, gte, inArray, isNull, lt, lte, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { events, webhookDeliveries, webhookEndpoints } from '../db/schema.js';
import { paginate, type Page, type PageRequest } from '../http/pagination.js';
import type { DeliveryRow, EventRow } from './serialize.js';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;

export async function findEvent(ex: Executor, livemode: boolean, id: string): Promise<EventRow | undefined> {
  const [row] = await ex
    .select()
    .from(events)
    .where(and(eq(events.livemode, livemode), eq(events.id, id)))
    .limit(1);
  return row;
}

/** Events of one mode, newest first; `type` is exact, or a prefix when it ends in `.*`. */
export function listEvents(ex: Executor, livemode: boolean, filters: { type?: string | undefined }, page: PageRequest): Promise<Page<EventRow>> {
  const conditions: (SQL | undefined)[] = [eq(events.livemode, livemode)];
  if (filters.type !== undefined) {
    if (filters.type.endsWith('.*')) {
      // The types starting with `invoice.`: the range [`invoice.`, `invoice/`) on the type index
      // (not LIKE, where `_` in a type would be a wildcard, nor substr, which no index answers).
      const prefix = filters.type.slice(0, -1);
      const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
      conditions.push(gte(events.type, prefix), lt(events.type, end));
    } else conditions.push(eq(events.type, filters.type));
  }
  return paginate({
    page,
    columns: { createdAt: events.createdAt, id: events.id },
    find: (id) => findEvent(ex, livemode, id),
    query: (keyset, order, limit) =>
      ex
        .select()
        .from(events)
        .where(and(...conditions, keyset))
        .orderBy(...order)
        .limit(limit),
  });
}

/** Events not yet fanned out, oldest first (both modes: the worker serves both). */
export function undispatchedEvents(ex: Executor, limit: number): Promise<EventRow[]> {
  return ex.select().from(events).where(isNull(events.dispatchedAt)).orderBy(asc(events.createdAt), asc(events.id)).limit(limit);
}

/** Enabled, not deleted endpoints of a mode. Type matching happens in code (JSON column). */
export function activeEndpoints(ex: Executor, livemode: boolean): Promise<EndpointRow[]> {
  return ex
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.livemode, livemode), eq(webhookEndpoints.status, 'enabled'), isNull(webhookEndpoints.deletedAt)));
}

export async function findEndpointById(ex: Executor, id: string): Promise<EndpointRow | undefined> {
  const [row] = await ex.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).limit(1);
  return row;
}

/** New deliveries; an (event, endpoint) pair that already has one is skipped, so fan-out can run twice. */
export async function insertDeliveries(ex: Executor, rows: DeliveryRow[]): Promise<void> {
  if (rows.length === 0) return;
  await ex.insert(webhookDeliveries).values(rows).onConflictDoNothing({ target: [webhookDeliveries.eventId, webhookDeliveries.endpointId] });
}

/** Marks the event fanned out; `false` if another worker did it first. */
export async function markDispatched(ex: Executor, eventId: string, nowMs: number): Promise<boolean> {
  const done = await ex
    .update(events)
    .set({ dispatchedAt: nowMs })
    .where(and(eq(events.id, eventId), isNull(events.dispatchedAt)))
    .returning({ id: events.id });
  return done.length === 1;
}

const claimable = (nowMs: number) =>
  and(
    eq(webhookDeliveries.status, 'pending'),
    lte(webhookDeliveries.nextAttemptAt, nowMs),
    or(isNull(webhookDeliveries.lockedUntil), lt(webhookDeliveries.lockedUntil, nowMs)),
  );

/** Ids of deliveries due now and not claimed by anyone, earliest first. */
export async function dueDeliveryIds(ex: Executor, nowMs: number, limit: number): Promise<string[]> {
  const rows = await ex
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(claimable(nowMs))
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
    .limit(limit);
  return rows.map((row) => row.id);
}

/**
 * Claims one delivery until `lockedUntilMs` with a conditional UPDATE: of several workers
 * racing for it, exactly one sees its row come back. The lock instant doubles as the claim's
 * fencing token for {@link finishDelivery}.
 */
export async function claimDelivery(ex: Executor, id: string, nowMs: number, lockedUntilMs: number): Promise<DeliveryRow | undefined> {
  const [row] = await ex
    .update(webhookDeliveries)
    .set({ lockedUntil: lockedUntilMs })
    .where(and(eq(webhookDeliveries.id, id), claimable(nowMs)))
    .returning();
  return row;
}

/** Records an attempt's outcome, only if our claim still holds (else another worker owns it now). */
export async function finishDelivery(ex: Executor, id: string, lockedUntilMs: number, patch: Partial<DeliveryRow>): Promise<boolean> {
  const done = await ex
    .update(webhookDeliveries)
    .set({ ...patch, lockedUntil: null })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.lockedUntil, lockedUntilMs)))
    .returning({ id: webhookDeliveries.id });
  return done.length === 1;
}

export async function findDelivery(ex: Executor, livemode: boolean, id: string): Promise<DeliveryRow | undefined> {
  const [row] = await ex
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.livemode, livemode), eq(webhookDeliveries.id, id)))
    .limit(1);
  return row;
}

/** The delivery log of one endpoint, newest first. */
export function listDeliveries(
  ex: Executor,
  livemode: boolean,
  filters: { endpointId?: string; eventId?: string; status?: DeliveryRow['status'] | undefined },
  page: PageRequest,
): Promise<Page<DeliveryRow>> {
  const conditions: (SQL | undefined)[] = [eq(webhookDeliveries.livemode, livemode)];
  if (filters.endpointId !== undefined) conditions.push(eq(webhookDeliveries.endpointId, filters.endpointId));
  if (filters.eventId !== undefined) conditions.push(eq(webhookDeliveries.eventId, filters.eventId));
  if (filters.status !== undefined) conditions.push(eq(webhookDeliveries.status, filters.status));
  return paginate({
    page,
    columns: { createdAt: webhookDeliveries.createdAt, id: webhookDeliveries.id },
    find: (id) => findDelivery(ex, livemode, id),
    query: (keyset, order, limit) =>
      ex
        .select()
        .from(webhookDeliveries)
        .where(and(...conditions, keyset))
        .orderBy(...order)
        .limit(limit),
  });
}

export function deliveriesOfEvent(ex: Executor, livemode: boolean, eventId: string): Promise<DeliveryRow[]> {
  return ex
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.livemode, livemode), eq(webhookDeliveries.eventId, eventId)))
    .orderBy(asc(webhookDeliveries.createdAt), asc(webhookDeliveries.id));
}

/**
 * Puts deliveries back in the queue, due at `nowMs` (a manual redelivery); attempts keep
 * counting. A claim in flight is left alone: that attempt is the redelivery, no second copy.
 */
export async function requeueDeliveries(ex: Executor, ids: readonly string[], nowMs: number): Promise<void> {
  if (ids.length === 0) return;
  await ex
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: nowMs, updatedAt: nowMs })
    .where(inArray(webhookDeliveries.id, [...ids]));
}

/** Gives up the pending deliveries of an endpoint being deleted. */
export async function failPendingOfEndpoint(ex: Executor, endpointId: string, nowMs: number, reason: string): Promise<void> {
  await ex
    .update(webhookDeliveries)
    .set({ status: 'failed', nextAttemptAt: null, lockedUntil: null, lastError: reason, updatedAt: nowMs })
    .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, 'pending')));
}
