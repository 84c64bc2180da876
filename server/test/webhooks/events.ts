import { events } from '../../src/db/schema.js';
import type { Harness } from '../helpers.js';

let counter = 0;

/**
 * An event in the outbox, as services write it (`data` is Stripe's `{ object }`). Inserted
 * directly so these tests do not depend on any one service emitting events.
 */
export async function addEvent(h: Harness, options: { type?: string; livemode?: boolean; object?: unknown; atMs?: number } = {}): Promise<string> {
  counter += 1;
  const id = `evt_test_${String(counter).padStart(6, '0')}`;
  await h.db.insert(events).values({
    id,
    livemode: options.livemode ?? false,
    createdAt: options.atMs ?? h.clock.now(),
    type: options.type ?? 'invoice.paid',
    data: { object: options.object ?? { id: `in_${counter}`, object: 'invoice', amount_paid: 2900 } },
    dedupeKey: `test:${id}`,
    dispatchedAt: null,
  });
  return id;
}
