import type { Executor } from '../db/client.js';
import { insertRows } from '../db/raw.js';
import { events } from '../db/schema.js';
import { randomIds } from '../ids/index.js';

export interface RecordEventInput {
  livemode: boolean;
  /** Stripe-style type: `invoice.paid`, `customer.subscription.created`… */
  type: string;
  /** The object as the API serializes it now; stored as `{ object }` (Stripe's `data.object`). */
  data: unknown;
  /** Stable per business event (`invoice.paid:in_…`): the same event is never written twice. */
  dedupeKey: string;
  /** The business instant (a test clock's time in test mode). */
  atMs: number;
  /** `evt_…`; random when left out. */
  id?: string;
}

/**
 * Writes one event into the outbox, in the caller's transaction, so the event commits with the
 * change it describes. A second write with the same `dedupeKey` is a no-op (a retried job).
 * Delivery (webhooks) reads the `events` table; nothing here sends anything.
 *
 * @returns true when the event was new.
 */
export async function recordEvent(ex: Executor, input: RecordEventInput): Promise<boolean> {
  const rows = await ex
    .insert(events)
    .values(eventRow(input))
    .onConflictDoNothing({ target: [events.livemode, events.dedupeKey] })
    .returning({ id: events.id });
  return rows.length > 0;
}

/** The stored row of an event: not dispatched yet. */
function eventRow(input: RecordEventInput) {
  return {
    id: input.id ?? randomIds.next('evt'),
    livemode: input.livemode,
    createdAt: input.atMs,
    type: input.type,
    data: { object: input.data },
    dedupeKey: input.dedupeKey,
    dispatchedAt: null,
  };
}

/**
 * Writes many events at once (multi-row inserts), in the caller's transaction, each skipped when
 * its `dedupeKey` is already stored, as {@link recordEvent} does one at a time.
 */
export async function recordEvents(ex: Executor, inputs: readonly RecordEventInput[]): Promise<void> {
  await insertRows(ex, events, inputs.map(eventRow), { onConflictDoNothing: ['livemode', 'dedupeKey'] });
}
