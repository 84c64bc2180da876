import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { WebhookDelivery, listOf } from '@abona/api';
import { eq } from 'drizzle-orm';
import { webhookDeliveries, webhookEndpoints } from '../../src/db/schema.js';
import { deliverDue, dispatchEvents, RETRY_WINDOW_MS, startWebhookWorker } from '../../src/webhooks/index.js';
import { sequentialIds } from '../../src/ids/index.js';
import { setup, type Harness } from '../helpers.js';
import { addEvent } from './events.js';
import { startReceiver, type Receiver } from './receiver.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

let h: Harness;
let receiver: Receiver;
const ids = sequentialIds();

beforeEach(async () => {
  h = await setup();
  receiver = await startReceiver({ nowSec: () => Math.floor(h.clock.now() / 1000) });
});
afterEach(async () => {
  await receiver.close();
});

async function endpoint(enabledEvents: string[] = ['*'], url = receiver.url): Promise<string> {
  const created = await h.json<{ id: string; secret: string }>('POST', '/v1/webhook_endpoints', { body: { url, enabled_events: enabledEvents } });
  receiver.secret = created.secret;
  return created.id;
}

const run = async () => {
  await dispatchEvents(h.db, { now: h.clock.now(), ids });
  return deliverDue(h.db, { now: h.clock.now() });
};

async function deliveryRows() {
  return h.db.select().from(webhookDeliveries);
}

describe('dispatch and delivery', () => {
  it('signs and POSTs the event JSON to matching endpoints; the receiver verifies it', async () => {
    const all = await endpoint(['*']);
    const eventId = await addEvent(h, { type: 'invoice.paid', object: { id: 'in_1', object: 'invoice', amount_paid: 2900 } });
    // An endpoint for other types gets nothing.
    await h.json('POST', '/v1/webhook_endpoints', { body: { url: receiver.url, enabled_events: ['customer.subscription.updated'] } });

    const outcomes = await run();
    expect(outcomes).toEqual([{ deliveryId: expect.any(String), eventId, endpointId: all, status: 'succeeded', statusCode: 200, error: null, nextAttemptAt: null }]);
    expect(receiver.rejected).toEqual([]);
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0]!;
    expect(got.event).toEqual({ id: eventId, object: 'event', type: 'invoice.paid', created: '2025-01-15T12:00:00.000Z', livemode: false, data: { object: { id: 'in_1', object: 'invoice', amount_paid: 2900 } } });
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['abona-signature']).toMatch(new RegExp(`^t=${Math.floor(h.clock.now() / 1000)},v1=[0-9a-f]{64}$`));
    // The body is exactly what GET /v1/events/:id answers.
    expect(JSON.parse(got.body)).toEqual(await h.json('GET', `/v1/events/${eventId}`));

    const log = listOf(WebhookDelivery).parse(await h.json('GET', `/v1/webhook_endpoints/${all}/deliveries`));
    expect(log.data).toEqual([
      {
        id: expect.any(String),
        object: 'webhook_delivery',
        event: eventId,
        endpoint: all,
        status: 'succeeded',
        attempts: 1,
        next_attempt_at: null,
        last_attempt_at: '2025-01-15T12:00:00.000Z',
        last_status_code: 200,
        last_error: null,
        livemode: false,
        created: '2025-01-15T12:00:00.000Z',
      },
    ]);
    // Nothing more to do: a second run sends nothing.
    expect(await run()).toEqual([]);
    expect(receiver.received).toHaveLength(1);
  });

  it('fans out once: dispatch twice, and live events never reach test endpoints', async () => {
    await endpoint();
    await addEvent(h);
    await addEvent(h, { livemode: true });
    // 1 test event is dispatched (its one delivery), the live one matches no live endpoint.
    expect(await dispatchEvents(h.db, { now: h.clock.now(), ids })).toBe(2);
    expect(await dispatchEvents(h.db, { now: h.clock.now(), ids })).toBe(0);
    const rows = await deliveryRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.livemode).toBe(false);
  });

  it('skips disabled endpoints', async () => {
    const id = await endpoint();
    await h.json('POST', `/v1/webhook_endpoints/${id}`, { body: { status: 'disabled' } });
    await addEvent(h);
    expect(await run()).toEqual([]);
    expect(await deliveryRows()).toEqual([]);
  });

  it('retries a failing receiver with backoff (1 min, 5 min, 30 min, 2 h, 5 h, 10 h…) and fails after 3 days', async () => {
    const id = await endpoint();
    await addEvent(h);
    receiver.respondWith = 500;
    const start = h.clock.now();

    const first = await run();
    expect(first[0]).toMatchObject({ status: 'pending', statusCode: 500, error: 'HTTP 500: receiver error', nextAttemptAt: start + MIN });
    // Not due yet: one minute minus a millisecond later nothing is sent.
    h.clock.advance(MIN - 1);
    expect(await run()).toEqual([]);

    const delays = [5 * MIN, 30 * MIN, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];
    h.clock.set(start + MIN);
    for (const delay of delays) {
      const [outcome] = await run();
      expect(outcome).toMatchObject({ status: 'pending', nextAttemptAt: h.clock.now() + delay });
      h.clock.set(outcome!.nextAttemptAt!);
    }
    // Keep failing until an attempt happens 3 days or more after the delivery was scheduled.
    let attempts = 1 + delays.length;
    let last = await run();
    attempts += 1;
    while (last[0]?.status === 'pending') {
      h.clock.set(last[0].nextAttemptAt!);
      last = await run();
      attempts += 1;
    }
    expect(last[0]?.status).toBe('failed');
    expect(h.clock.now() - start).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
    // Attempts at 0, 1 m, 6 m, 36 m, 2 h 36 m, 7 h 36 m, then every 10 h: 17 h 36 m … 77 h 36 m,
    // the first at or past 72 h. That is 6 + 7 = 13 attempts.
    expect(h.clock.now() - start).toBe(77 * HOUR + 36 * MIN);
    expect(attempts).toBe(13);
    expect(receiver.received).toHaveLength(13);
    // Every attempt carried the same event id.
    expect(new Set(receiver.received.map((r) => r.event.id)).size).toBe(1);

    const [row] = listOf(WebhookDelivery).parse(await h.json('GET', `/v1/webhook_endpoints/${id}/deliveries?status=failed`)).data;
    expect(row).toMatchObject({ status: 'failed', attempts: 13, next_attempt_at: null, last_status_code: 500 });
    h.clock.advance(30 * 24 * HOUR);
    expect(await run()).toEqual([]);
  });

  it('a refused connection and a hanging receiver count as failures', async () => {
    await endpoint();
    await addEvent(h);
    receiver.respondWith = 'hang';
    await dispatchEvents(h.db, { now: h.clock.now(), ids });
    const [timedOut] = await deliverDue(h.db, { now: h.clock.now(), timeoutMs: 300 });
    expect(timedOut).toMatchObject({ status: 'pending', statusCode: null, error: 'No answer within 0.3 s' });

    await receiver.close();
    h.clock.advance(MIN);
    const [refused] = await deliverDue(h.db, { now: h.clock.now() });
    expect(refused?.status).toBe('pending');
    expect(refused?.error).toMatch(/fetch failed|ECONNREFUSED/);
    receiver = await startReceiver({ nowSec: () => Math.floor(h.clock.now() / 1000) });
  });

  it('two workers running at once send each delivery exactly once', async () => {
    await endpoint();
    // A second endpoint on the same receiver: two deliveries per event.
    await h.json('POST', '/v1/webhook_endpoints', { body: { url: `${receiver.url}?second`, enabled_events: ['*'] } });
    // Both endpoints share one secret for the receiver's sake.
    await h.db.update(webhookEndpoints).set({ secret: receiver.secret });
    for (let i = 0; i < 15; i += 1) await addEvent(h);
    await dispatchEvents(h.db, { now: h.clock.now(), ids });

    const [a, b, c] = await Promise.all([
      deliverDue(h.db, { now: h.clock.now(), limit: 100 }),
      deliverDue(h.db, { now: h.clock.now(), limit: 100 }),
      deliverDue(h.db, { now: h.clock.now(), limit: 100 }),
    ]);
    // 15 events × 2 endpoints = 30 deliveries, split between the workers without overlap.
    expect(a.length + b.length + c.length).toBe(30);
    expect(receiver.received).toHaveLength(30);
    expect(new Set(a.concat(b, c).map((o) => o.deliveryId)).size).toBe(30);
    // Each event arrived exactly twice (once per endpoint).
    const perEvent = new Map<string, number>();
    for (const r of receiver.received) perEvent.set(r.event.id, (perEvent.get(r.event.id) ?? 0) + 1);
    expect([...perEvent.values()]).toEqual(Array.from({ length: 15 }, () => 2));
    expect((await deliveryRows()).every((row) => row.status === 'succeeded' && row.attempts === 1 && row.lockedUntil === null)).toBe(true);
  });

  it('a claim held by a live worker is not taken; an expired one (crashed worker) is', async () => {
    await endpoint();
    await addEvent(h);
    await dispatchEvents(h.db, { now: h.clock.now(), ids });
    const [row] = await deliveryRows();
    // Another worker claimed it a moment ago and is still sending.
    await h.db.update(webhookDeliveries).set({ lockedUntil: h.clock.now() + 60_000 }).where(eq(webhookDeliveries.id, row!.id));
    expect(await deliverDue(h.db, { now: h.clock.now() })).toEqual([]);
    // That worker died; after its claim lapses the delivery is sent.
    h.clock.advance(60_001);
    expect((await deliverDue(h.db, { now: h.clock.now() }))[0]?.status).toBe('succeeded');
    expect(receiver.received).toHaveLength(1);
  });

  it('redelivery sends the same event id again', async () => {
    const endpointId = await endpoint();
    const eventId = await addEvent(h);
    await run();
    expect(receiver.received).toHaveLength(1);

    h.clock.advance(HOUR);
    const requeued = listOf(WebhookDelivery).parse(await h.json('POST', `/v1/events/${eventId}/redeliver`));
    expect(requeued.data).toMatchObject([{ status: 'pending', endpoint: endpointId, next_attempt_at: '2025-01-15T13:00:00.000Z', attempts: 1 }]);
    await run();
    expect(receiver.received.map((r) => r.event.id)).toEqual([eventId, eventId]);
    expect(receiver.received[0]?.body).toBe(receiver.received[1]?.body);
    expect((await h.json<{ data: { attempts: number; status: string }[] }>('GET', `/v1/events/${eventId}/deliveries`)).data).toMatchObject([{ attempts: 2, status: 'succeeded' }]);

    // To an endpoint created after the event: a new delivery.
    const later = await h.json<{ id: string; secret: string }>('POST', '/v1/webhook_endpoints', { body: { url: receiver.url, enabled_events: ['invoice.paid'] } });
    receiver.secret = later.secret;
    const both = await h.json<{ data: { endpoint: string }[] }>('POST', `/v1/events/${eventId}/redeliver`, { body: { endpoint: later.id } });
    expect(both.data.map((d) => d.endpoint).sort()).toEqual([endpointId, later.id].sort());
    await run();
    expect(receiver.received.map((r) => r.event.id)).toEqual([eventId, eventId, eventId]);
  });

  it('deleting an endpoint fails its pending deliveries; nothing is sent to it', async () => {
    const id = await endpoint();
    await addEvent(h);
    await dispatchEvents(h.db, { now: h.clock.now(), ids });
    await h.json('DELETE', `/v1/webhook_endpoints/${id}`);
    expect(await deliverDue(h.db, { now: h.clock.now() })).toEqual([]);
    const [row] = await deliveryRows();
    expect(row).toMatchObject({ status: 'failed', lastError: 'The endpoint was deleted', attempts: 0 });
    expect(receiver.received).toEqual([]);
  });

  it('an endpoint disabled after fan-out gets nothing: the delivery fails with the reason', async () => {
    const id = await endpoint();
    await addEvent(h);
    await dispatchEvents(h.db, { now: h.clock.now(), ids });
    await h.json('POST', `/v1/webhook_endpoints/${id}`, { body: { status: 'disabled' } });
    const [outcome] = await deliverDue(h.db, { now: h.clock.now() });
    expect(outcome).toMatchObject({ status: 'failed', error: 'The endpoint is disabled' });
    expect(receiver.received).toEqual([]);
  });
});

describe('startWebhookWorker', () => {
  it('delivers in the background and stops cleanly', async () => {
    await endpoint();
    const eventId = await addEvent(h);
    const worker = startWebhookWorker({ db: h.db, clock: h.clock, intervalMs: 20, ids, log: () => {} });
    const deadline = Date.now() + 5000;
    while (receiver.received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await worker.stop();
    expect(receiver.received.map((r) => r.event.id)).toEqual([eventId]);
    // Stopped: a new event stays undelivered.
    await addEvent(h);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toHaveLength(1);
    expect(await worker.runOnce()).toEqual({ dispatched: 1, delivered: 1, emailed: 0 });
  });
});
