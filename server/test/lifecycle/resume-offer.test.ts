import { describe, expect, it } from 'vitest';
import { expectLedgerBalanced, NOW_MS } from '../checkout/helpers.js';
import { portalToken } from '../portal/fixtures.js';
import { customerWith, DAY_MS, invoicesOf, setupLifecycle, subscribe, type Json } from './helpers.js';

const periods = (invoices: Json[]) => invoices.map((i) => [i.billing_reason, i.period_start, i.period_end, i.total]).sort((a, b) => String(a[1]).localeCompare(String(b[1])));

describe('resume now', () => {
  it('pause then resume at once, or days later inside the paid period: active, same cycle, nothing invoiced for the pause', async () => {
    const h = await setupLifecycle();
    const { customer } = await customerWith(h, 'tok_visa');
    const sub = await subscribe(h, customer, h.catalog.monthly);
    h.clock.set(NOW_MS + 10 * DAY_MS);
    const key = await portalToken(h, customer);
    expect((await h.json<Json>('POST', `/v1/portal/subscriptions/${sub.id}/pause`, { key, body: {} })).status).toBe('paused');
    const resumed = await h.json<Json>('POST', `/v1/portal/subscriptions/${sub.id}/resume`, { key, body: {} });
    expect(resumed).toMatchObject({ status: 'active', current_period_start: '2026-01-15T12:00:00.000Z', current_period_end: '2026-02-15T12:00:00.000Z', pause_collection: null });

    // Paused again Jan 25, resumed Jan 28: the period Jan 15 – Feb 15 was paid, it simply goes on.
    await h.json('POST', `/v1/subscriptions/${sub.id}/pause`, { body: {} });
    h.clock.set(NOW_MS + 13 * DAY_MS);
    const again = await h.json<Json>('POST', `/v1/subscriptions/${sub.id}/resume`, { body: {} });
    expect(again).toMatchObject({ status: 'active', current_period_end: '2026-02-15T12:00:00.000Z' });
    expect(await invoicesOf(h, sub.id)).toHaveLength(1);

    // Billing continues on the old anchor: one renewal Feb 15 – Mar 15, 2900 + 21 % VAT (609) = 3509.
    await h.services.lifecycle.runDue({ nowMs: Date.UTC(2026, 1, 15, 13) });
    expect(periods(await invoicesOf(h, sub.id))).toEqual([
      ['subscription_create', '2026-01-15T12:00:00.000Z', '2026-02-15T12:00:00.000Z', 3509],
      ['subscription_cycle', '2026-02-15T12:00:00.000Z', '2026-03-15T12:00:00.000Z', 3509],
    ]);
    await expectLedgerBalanced(h);
    h.close();
  });

  it('resumed after the paid period: a new cycle from now, invoiced, and none for the paused weeks', async () => {
    const h = await setupLifecycle();
    const { customer } = await customerWith(h, 'tok_visa');
    const sub = await subscribe(h, customer, h.catalog.monthly);
    h.clock.set(NOW_MS + 10 * DAY_MS);
    await h.json('POST', `/v1/subscriptions/${sub.id}/pause`, { body: {} });
    // The billing run passes the period end while paused: nothing is billed.
    await h.services.lifecycle.runDue({ nowMs: Date.UTC(2026, 1, 16) });
    expect(await invoicesOf(h, sub.id)).toHaveLength(1);
    h.clock.set(Date.UTC(2026, 1, 20, 9));
    const resumed = await h.json<Json>('POST', `/v1/subscriptions/${sub.id}/resume`, { body: {} });
    expect(resumed).toMatchObject({ status: 'active', current_period_start: '2026-02-20T09:00:00.000Z', current_period_end: '2026-03-20T09:00:00.000Z' });
    const invoices = await invoicesOf(h, sub.id);
    expect(periods(invoices)).toEqual([
      ['subscription_create', '2026-01-15T12:00:00.000Z', '2026-02-15T12:00:00.000Z', 3509],
      ['subscription_cycle', '2026-02-20T09:00:00.000Z', '2026-03-20T09:00:00.000Z', 3509],
    ]);
    expect(invoices.every((i) => i.status === 'paid')).toBe(true);
    await expectLedgerBalanced(h);
    h.close();
  });
});

describe('a scheduled resume (pause with resumes_at)', () => {
  it('inside the paid period the billing run resumes the same cycle without an invoice; the renewal comes at the period end', async () => {
    const h = await setupLifecycle();
    const { customer } = await customerWith(h, 'tok_visa');
    const sub = await subscribe(h, customer, h.catalog.monthly);
    // Paused Jan 25, to resume Feb 1 12:00: still inside Jan 15 – Feb 15, already paid.
    h.clock.set(NOW_MS + 10 * DAY_MS);
    await h.json('POST', `/v1/subscriptions/${sub.id}/pause`, { body: { resumes_at: '2026-02-01T12:00:00.000Z' } });
    await h.services.lifecycle.runDue({ nowMs: Date.UTC(2026, 1, 1, 13) });
    expect(await h.json<Json>('GET', `/v1/subscriptions/${sub.id}`)).toMatchObject({ status: 'active', current_period_start: '2026-01-15T12:00:00.000Z', current_period_end: '2026-02-15T12:00:00.000Z', pause_collection: null });
    expect(await invoicesOf(h, sub.id)).toHaveLength(1);
    // A rerun changes nothing; the period end renews once: 2900 + 21 % VAT (609) = 3509.
    await h.services.lifecycle.runDue({ nowMs: Date.UTC(2026, 1, 1, 14) });
    await h.services.lifecycle.runDue({ nowMs: Date.UTC(2026, 1, 15, 13) });
    expect(periods(await invoicesOf(h, sub.id))).toEqual([
      ['subscription_create', '2026-01-15T12:00:00.000Z', '2026-02-15T12:00:00.000Z', 3509],
      ['subscription_cycle', '2026-02-15T12:00:00.000Z', '2026-03-15T12:00:00.000Z', 3509],
    ]);
    await expectLedgerBalanced(h);
    h.close();
  });

  it('after the paid period the billing run starts a new cycle at resumes_at and invoices it', async () => {
    const h = await setupLifecycle();
    const { customer } = await customerWith(h, 'tok_visa');
    const sub = await subscribe(h, customer, h.catalog.monthly);
    h.clock.set(NOW_MS + 10 * DAY_MS);
    await h.json('POST', `/v1/subscriptions/${sub.id}/pause`, { body: { resumes_at: '2026-03-01T00:00:00.000Z' } });
    await h.services.lifecycle.runDue({ nowMs: Date.UTC(2026, 1, 16) });
    expect(await invoicesOf(h, sub.id)).toHaveLength(1);
    await h.services.lifecycle.runDue({ nowMs: Date.UTC(2026, 2, 1, 1) });
    const invoices = await invoicesOf(h, sub.id);
    expect(periods(invoices)).toEqual([
      ['subscription_create', '2026-01-15T12:00:00.000Z', '2026-02-15T12:00:00.000Z', 3509],
      ['subscription_cycle', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', 3509],
    ]);
    expect(await h.json<Json>('GET', `/v1/subscriptions/${sub.id}`)).toMatchObject({ status: 'active' });
    h.close();
  });
});

describe('the retention offer', () => {
  it('accepting it applies the coupon, withdraws the cancel, and the next invoice shows the discount to the cent', async () => {
    const h = await setupLifecycle();
    const coupon = await h.json<Json>('POST', '/v1/coupons', { body: { percent_off: 25, duration: 'repeating', duration_in_months: 3, name: 'Stay 25 %' } });
    const { customer } = await customerWith(h, 'tok_visa');
    const sub = await subscribe(h, customer, h.catalog.monthly);
    const key = await portalToken(h, customer);
    const path = `/v1/portal/subscriptions/${sub.id}`;
    expect((await h.call('POST', `${path}/accept_offer`, { key, body: {} })).status).toBe(400);
    await h.json('POST', '/v1/settings/billing', { body: { portal: { retention_coupon: coupon.id } } });

    await h.json('POST', `${path}/cancel`, { key, body: { feedback: 'too_expensive' } });
    const kept = await h.json<Json>('POST', `${path}/accept_offer`, { key, body: {} });
    expect(kept).toMatchObject({ status: 'active', cancel_at_period_end: false });
    const secret = await h.json<Json>('GET', `/v1/subscriptions/${sub.id}`);
    expect(JSON.stringify(secret.discounts ?? secret.discount)).toContain(String(coupon.id));
    const twice = await h.call('POST', `${path}/accept_offer`, { key, body: {} });
    expect(((await twice.json()) as { error: { code: string } }).error.code).toBe('offer_already_accepted');

    // Next invoice: 2900 − 25 % (725) = 2175 net; VAT 21 % · 2175 = 456.75 → 457; total 2632.
    const upcoming = await h.json<Json>('GET', `${path}/upcoming_invoice`, { key });
    expect(upcoming).toMatchObject({ subtotal: 2900, total_discount: 725, tax: 457, total: 2632, amount_due: 2632 });
    await h.services.lifecycle.runDue({ nowMs: Date.UTC(2026, 1, 15, 13) });
    const renewal = (await invoicesOf(h, sub.id)).find((i) => i.billing_reason === 'subscription_cycle');
    expect(renewal).toMatchObject({ status: 'paid', subtotal: 2900, total_discount: 725, total_excluding_tax: 2175, tax: 457, total: 2632, amount_paid: 2632 });
    await expectLedgerBalanced(h);
    h.close();
  });
});
