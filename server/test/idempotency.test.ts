import { describe, it, expect, beforeEach } from 'vitest';
import { createHash } from 'node:crypto';
import type { ErrorEnvelope } from '@abona/api';
import { idempotencyKeys, products } from '../src/db/schema.js';
import { hashKey } from '../src/keys/index.js';
import { SK_LIVE, SK_TEST, START_MS, setup, type Harness } from './helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await setup();
});

const post = (body: unknown, key = 'idem-1', apiKey = SK_TEST) => h.call('POST', '/v1/products', { key: apiKey, body, headers: { 'idempotency-key': key } });

describe('Idempotency-Key', () => {
  it('replays the first answer byte for byte, with its status', async () => {
    const first = await post({ name: 'Pro' });
    const firstText = await first.text();
    h.clock.advance(1000);
    const again = await post({ name: 'Pro' });
    expect(again.status).toBe(first.status);
    expect(await again.text()).toBe(firstText);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(await h.db.select().from(products)).toHaveLength(1);
  });

  it('same key, different body → 400 idempotency_error', async () => {
    await post({ name: 'Pro' });
    const res = await post({ name: 'Basic' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorEnvelope).error).toMatchObject({ type: 'idempotency_error', code: 'idempotency_key_reused' });
  });

  it('does not store validation failures: the key can be used again with a fixed body', async () => {
    expect((await post({ name: '' })).status).toBe(400);
    expect(await h.db.select().from(idempotencyKeys)).toHaveLength(0);
    const fixed = await post({ name: 'Pro' });
    expect(fixed.status).toBe(200);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
  });

  it('keys are scoped to the API key', async () => {
    const test = (await (await post({ name: 'Pro' }, 'shared')).json()) as { id: string; livemode: boolean };
    const live = (await (await post({ name: 'Pro' }, 'shared', SK_LIVE)).json()) as { id: string; livemode: boolean };
    expect(test.id).not.toBe(live.id);
    expect([test.livemode, live.livemode]).toEqual([false, true]);
  });

  it('answers are replayed for 24 h, then the key is free again', async () => {
    const first = (await (await post({ name: 'Pro' })).json()) as { id: string };
    h.clock.advance(24 * 3600_000 - 1);
    expect(((await (await post({ name: 'Pro' })).json()) as { id: string }).id).toBe(first.id);
    h.clock.advance(1);
    const later = await post({ name: 'Pro' });
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(((await later.json()) as { id: string }).id).not.toBe(first.id);
  });

  it('a request in flight → 409; a claim abandoned for a minute is taken over', async () => {
    const body = { name: 'Pro' };
    // The hash the middleware computes for this request: method, path and raw body.
    const requestHash = createHash('sha256').update(`POST /v1/products\n${JSON.stringify(body)}`).digest('hex');
    const claim = { apiKeyHash: hashKey(SK_TEST), livemode: false, method: 'POST', path: '/v1/products', requestHash, state: 'in_flight' as const };
    await h.db.insert(idempotencyKeys).values({ ...claim, id: 'idk_busy', key: 'busy', lockedAt: START_MS, createdAt: START_MS, expiresAt: START_MS + 86_400_000 });
    const busy = await post(body, 'busy');
    expect(busy.status).toBe(409);
    expect(((await busy.json()) as ErrorEnvelope).error).toMatchObject({ type: 'idempotency_error', code: 'idempotency_key_in_use' });
    expect(await h.db.select().from(products)).toHaveLength(0);
    h.clock.advance(60_000);
    const takenOver = await post(body, 'busy');
    expect(takenOver.status).toBe(200);
    expect(await h.db.select().from(products)).toHaveLength(1);
  });

  it('50 concurrent identical POSTs create exactly one row; the rest replay or get 409', async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, () => post({ name: 'Concurrent' }, 'burst')));
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const fresh = responses.filter((r) => r.status === 200 && r.headers.get('idempotent-replayed') === null);
    expect(fresh).toHaveLength(1);
    // Both outcomes occur: some duplicates arrive while the first runs, some after it finished.
    expect(statuses.filter((s) => s === 409).length).toBeGreaterThan(0);
    const bodies = new Set(await Promise.all(responses.filter((r) => r.status === 200).map((r) => r.text())));
    expect(bodies.size).toBe(1);
    expect(await h.db.select().from(products)).toHaveLength(1);
    for (const r of responses.filter((r) => r.status === 409)) {
      expect(((await r.json()) as ErrorEnvelope).error).toMatchObject({ type: 'idempotency_error', code: 'idempotency_key_in_use' });
    }
  });

  it('GET ignores the header; an over-long key is a 400', async () => {
    expect((await h.call('GET', '/v1/products', { headers: { 'idempotency-key': 'x' } })).status).toBe(200);
    expect((await post({ name: 'Pro' }, 'k'.repeat(256))).status).toBe(400);
  });
});
