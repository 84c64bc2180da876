import { describe, expect, it } from 'vitest';
import { customerWith, setupLifecycle, subscribe, type Json } from '../lifecycle/helpers.js';
import { portalToken } from './fixtures.js';

describe('portal subscription view', () => {
  it('a scheduled seat decrease, its version and a pause survive a reload; metadata stays out', async () => {
    const h = await setupLifecycle();
    const { customer } = await customerWith(h, 'tok_visa');
    const sub = await subscribe(h, customer, h.catalog.monthly, { items: [{ price: h.catalog.monthly, quantity: 2 }], metadata: { internal: 'vendor-only' } });
    const key = await portalToken(h, customer);
    const down = await h.json<Json>('POST', `/v1/portal/subscriptions/${sub.id}/change`, { key, body: { items: [{ price: h.catalog.monthly, quantity: 1 }] } });
    expect(down).toMatchObject({ status: 'scheduled', effective_at: '2026-02-15T12:00:00.000Z' });
    expect(down.subscription as Json).not.toHaveProperty('metadata');

    const reloaded = await h.json<Json>('GET', `/v1/portal/subscriptions/${sub.id}`, { key });
    const secret = await h.json<Json>('GET', `/v1/subscriptions/${sub.id}`);
    expect(reloaded.scheduled_change).toEqual({ items: [{ price: h.catalog.monthly, quantity: 1 }], effective_at: '2026-02-15T12:00:00.000Z' });
    expect(reloaded.pause_collection).toBeNull();
    expect(typeof reloaded.version).toBe('number');
    expect(reloaded).not.toHaveProperty('metadata');
    // The secret-key view shows the same lifecycle fields, where it has them.
    for (const field of ['scheduled_change', 'version'] as const) if (field in secret) expect(reloaded[field]).toEqual(secret[field]);
    const listed = await h.json<{ data: Json[] }>('GET', '/v1/portal/subscriptions', { key });
    expect(listed.data[0]).toMatchObject({ id: sub.id, scheduled_change: reloaded.scheduled_change, version: reloaded.version });

    const kept = await h.json<Json>('DELETE', `/v1/portal/subscriptions/${sub.id}/scheduled_change`, { key });
    expect(kept.scheduled_change).toBeNull();
    expect(kept).not.toHaveProperty('metadata');
    const paused = await h.json<Json>('POST', `/v1/portal/subscriptions/${sub.id}/pause`, { key, body: {} });
    expect(paused.status).toBe('paused');
    const again = await h.json<Json>('GET', `/v1/portal/subscriptions/${sub.id}`, { key });
    expect(again).toMatchObject({ status: 'paused', scheduled_change: null, pause_collection: { resumes_at: null } });
    expect(again.version).toBeGreaterThan(reloaded.version as number);
    h.close();
  });
});
