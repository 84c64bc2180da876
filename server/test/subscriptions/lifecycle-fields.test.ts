import { describe, expect, it } from 'vitest';
import { customerWith, setupLifecycle, subscribe, type Json } from '../lifecycle/helpers.js';

/**
 * The secret-key API shows what the lifecycle keeps on a subscription — its version (for
 * `expected_version`), a scheduled change, the pause and why it was canceled — on every read,
 * so a vendor needs no earlier write's answer to make the next one.
 */
describe('GET /v1/subscriptions/:id shows the lifecycle fields', () => {
  it('version, scheduled change, pause and cancellation details, and a stale version is refused', async () => {
    const h = await setupLifecycle();
    const { customer } = await customerWith(h, 'tok_visa');
    const sub = await subscribe(h, customer, h.catalog.monthly);
    const path = `/v1/subscriptions/${String(sub.id)}`;
    const fresh = await h.json<Json>('GET', path);
    expect(fresh).toMatchObject({ scheduled_change: null, pause_collection: null, cancellation_details: null });
    expect(fresh.version).toEqual(expect.any(Number));

    await h.json('POST', `${path}/pause`, {});
    const paused = await h.json<Json>('GET', path);
    expect(paused).toMatchObject({ status: 'paused', pause_collection: { resumes_at: null } });
    expect(paused.version).toBeGreaterThan(fresh.version as number);
    // The version read before the pause is stale now.
    const stale = await h.call('POST', path, { body: { items: [{ price: h.catalog.yearly }], expected_version: fresh.version } });
    expect(stale.status, await stale.clone().text()).toBe(409);
    await h.json('POST', `${path}/resume`, {});

    await h.json('POST', `${path}/cancel`, { body: { at_period_end: true, feedback: 'too_expensive', comment: 'Over budget this year' } });
    const canceling = await h.json<Json>('GET', path);
    expect(canceling).toMatchObject({ cancel_at_period_end: true, cancellation_details: { feedback: 'too_expensive', comment: 'Over budget this year' } });
  });
});
