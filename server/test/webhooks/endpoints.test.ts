import { describe, it, expect, beforeEach } from 'vitest';
import { ErrorEnvelope, EventObject, WebhookEndpoint, listOf } from '@abona/api';
import { PK_TEST, SK_LIVE, setup, type Harness } from '../helpers.js';
import { addEvent } from './events.js';

let h: Harness;
beforeEach(async () => {
  h = await setup();
});

const create = (body: unknown, key?: string) => h.json<WebhookEndpoint>('POST', '/v1/webhook_endpoints', { body, ...(key ? { key } : {}) });
const error = async (method: string, path: string, body: unknown, status = 400, key?: string) =>
  ErrorEnvelope.parse(await h.json(method, path, { body, ...(key ? { key } : {}) }, status)).error;

describe('webhook endpoints', () => {
  it('creates (secret shown once), retrieves, lists, updates and deletes', async () => {
    const created = WebhookEndpoint.parse(await create({ url: 'https://shop.example.com/hooks', enabled_events: ['invoice.paid', 'invoice.paid', 'payment.succeeded'], description: 'Shop' }));
    expect(created).toMatchObject({
      id: 'whe_000001',
      object: 'webhook_endpoint',
      url: 'https://shop.example.com/hooks',
      // Duplicates dropped, order kept.
      enabled_events: ['invoice.paid', 'payment.succeeded'],
      description: 'Shop',
      status: 'enabled',
      livemode: false,
      created: '2025-01-15T12:00:00.000Z',
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9]{32}$/);

    const fetched = WebhookEndpoint.parse(await h.json('GET', '/v1/webhook_endpoints/whe_000001'));
    expect(fetched.secret).toBeUndefined();
    const { secret: _secret, ...publicPart } = created;
    expect(fetched).toEqual(publicPart);

    const list = listOf(WebhookEndpoint).parse(await h.json('GET', '/v1/webhook_endpoints'));
    expect(list.data.map((e) => e.id)).toEqual(['whe_000001']);
    expect(list.data[0]?.secret).toBeUndefined();

    const updated = WebhookEndpoint.parse(await h.json('POST', '/v1/webhook_endpoints/whe_000001', { body: { enabled_events: ['*', 'invoice.paid'], status: 'disabled', description: null } }));
    expect(updated).toMatchObject({ enabled_events: ['*'], status: 'disabled', description: null, url: 'https://shop.example.com/hooks' });

    expect(await h.json('DELETE', '/v1/webhook_endpoints/whe_000001')).toEqual({ id: 'whe_000001', object: 'webhook_endpoint', deleted: true });
    expect((await h.call('GET', '/v1/webhook_endpoints/whe_000001')).status).toBe(404);
    expect((await h.call('DELETE', '/v1/webhook_endpoints/whe_000001')).status).toBe(404);
    expect((await h.call('POST', '/v1/webhook_endpoints/whe_000001', { body: { status: 'enabled' } })).status).toBe(404);
  });

  it('needs a secret key, and keeps test and live apart', async () => {
    expect((await h.call('GET', '/v1/webhook_endpoints', { key: PK_TEST })).status).toBe(403);
    expect((await h.call('POST', '/v1/webhook_endpoints', { key: PK_TEST, body: { url: 'https://a.example/h', enabled_events: ['*'] } })).status).toBe(403);
    expect((await h.call('GET', '/v1/events', { key: PK_TEST })).status).toBe(403);
    expect((await h.call('GET', '/v1/emails', { key: PK_TEST })).status).toBe(403);
    expect((await h.call('GET', '/v1/webhook_endpoints', { key: null })).status).toBe(401);

    await create({ url: 'https://shop.example.com/test', enabled_events: ['*'] });
    const live = await create({ url: 'https://shop.example.com/live', enabled_events: ['*'] }, SK_LIVE);
    expect(live.livemode).toBe(true);
    expect((await h.call('GET', '/v1/webhook_endpoints/whe_000001', { key: SK_LIVE })).status).toBe(404);
    expect((await h.json<{ data: { id: string }[] }>('GET', '/v1/webhook_endpoints', { key: SK_LIVE })).data.map((e) => e.id)).toEqual([live.id]);
  });

  it('validates the url: https, http only to localhost in test mode, no credentials', async () => {
    expect((await create({ url: 'http://localhost:3000/hooks', enabled_events: ['*'] })).url).toBe('http://localhost:3000/hooks');
    expect((await create({ url: 'http://127.0.0.1:3000/hooks', enabled_events: ['*'] })).url).toBe('http://127.0.0.1:3000/hooks');

    for (const [url, key] of [
      ['http://shop.example.com/hooks', undefined],
      ['http://localhost:3000/hooks', SK_LIVE],
      ['https://127.0.0.1/hooks', SK_LIVE],
      ['https://10.0.0.5/hooks', SK_LIVE],
      ['https://[::1]/hooks', SK_LIVE],
      ['ftp://shop.example.com/hooks', undefined],
      ['https://user:pass@shop.example.com/hooks', undefined],
      ['https://shop.example.com/hooks#frag', undefined],
      ['not a url', undefined],
      ['', undefined],
    ] as const) {
      const e = await error('POST', '/v1/webhook_endpoints', { url, enabled_events: ['*'] }, 400, key);
      expect(e.param, url).toBe('url');
    }
    const update = await error('POST', '/v1/webhook_endpoints/whe_000001', { url: 'http://example.com' });
    expect(update.param).toBe('url');
  });

  it('validates enabled_events and refuses unknown fields', async () => {
    expect((await error('POST', '/v1/webhook_endpoints', { url: 'https://a.example/h', enabled_events: [] })).param).toBe('enabled_events');
    expect((await error('POST', '/v1/webhook_endpoints', { url: 'https://a.example/h', enabled_events: ['Invoice Paid'] })).param).toBe('enabled_events[0]');
    expect((await error('POST', '/v1/webhook_endpoints', { url: 'https://a.example/h' })).param).toBe('enabled_events');
    expect((await error('POST', '/v1/webhook_endpoints', { url: 'https://a.example/h', enabled_events: ['*'], secret: 'whsec_mine' })).param).toBe('secret');
    expect((await error('POST', '/v1/webhook_endpoints', { url: 'https://a.example/h', enabled_events: ['*'], status: 'enabled' })).param).toBe('status');
  });
});

describe('events', () => {
  it('lists newest first, filters by exact type and by prefix, retrieves one', async () => {
    const paid = await addEvent(h, { type: 'invoice.paid' });
    h.clock.advance(1000);
    const failed = await addEvent(h, { type: 'invoice.payment_failed' });
    h.clock.advance(1000);
    const sub = await addEvent(h, { type: 'customer.subscription.updated' });
    await addEvent(h, { type: 'invoice.paid', livemode: true });

    const all = listOf(EventObject).parse(await h.json('GET', '/v1/events'));
    expect(all.data.map((e) => e.id)).toEqual([sub, failed, paid]);
    expect((await h.json<{ data: { id: string }[] }>('GET', '/v1/events?type=invoice.paid')).data.map((e) => e.id)).toEqual([paid]);
    expect((await h.json<{ data: { id: string }[] }>('GET', '/v1/events?type=invoice.*')).data.map((e) => e.id)).toEqual([failed, paid]);
    expect((await h.json<{ data: { id: string }[] }>('GET', '/v1/events?type=customer.*')).data.map((e) => e.id)).toEqual([sub]);
    expect((await h.json<{ data: unknown[] }>('GET', '/v1/events?limit=1')).data).toHaveLength(1);

    const one = EventObject.parse(await h.json('GET', `/v1/events/${paid}`));
    expect(one).toEqual({ id: paid, object: 'event', type: 'invoice.paid', created: '2025-01-15T12:00:00.000Z', livemode: false, data: { object: expect.objectContaining({ object: 'invoice' }) } });
    // The live event is invisible to the test key.
    expect(all.data.every((e) => !e.livemode)).toBe(true);
    expect((await h.call('GET', '/v1/events/evt_missing')).status).toBe(404);
    expect((await error('GET', '/v1/events?type=Invoice%20Paid', undefined)).param).toBe('type');
  });

  it('redelivery of an unknown event is a 404, of an event without deliveries a 400 naming endpoint', async () => {
    expect((await h.call('POST', '/v1/events/evt_missing/redeliver')).status).toBe(404);
    const id = await addEvent(h);
    expect((await error('POST', `/v1/events/${id}/redeliver`, {})).param).toBe('endpoint');
    expect((await error('POST', `/v1/events/${id}/redeliver`, { endpoint: 'whe_nope' }, 404)).param).toBe('endpoint');
  });
});
