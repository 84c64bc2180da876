import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { gatewayRecords } from '../../src/db/schema.js';
import { expectLedgerBalanced } from '../checkout/helpers.js';
import { countRows, customerWith, invoicesOf, iso, setupLifecycle, subscribe, type Json, type LifecycleHarness } from './helpers.js';

async function clockCustomer(h: LifecycleHarness, frozenMs: number, token?: string) {
  h.clock.set(frozenMs);
  const clock = await h.json<Json>('POST', '/v1/test_helpers/test_clocks', { body: { frozen_time: iso(frozenMs) } });
  const customer = await h.json<Json>('POST', '/v1/customers', { body: { email: 'tc@example.ro', address: { country: 'RO' }, test_clock: clock.id } });
  if (token) await h.json('POST', `/v1/customers/${customer.id}/payment_methods`, { body: { token } });
  return { clock: clock.id, customer: customer.id };
}
const advance = (h: LifecycleHarness, clock: string, ms: number) => h.json<Json>('POST', `/v1/test_helpers/test_clocks/${clock}/advance`, { body: { frozen_time: iso(ms) } });

describe('test clocks drive the lifecycle', () => {
  it('a Jan 31 anchor over 15 months: 15 invoices, month ends kept (Feb 29 …)', async () => {
    const h = await setupLifecycle();
    const start = Date.UTC(2024, 0, 31);
    const { clock, customer } = await clockCustomer(h, start, 'tok_visa');
    const sub = await subscribe(h, customer, h.catalog.monthly);
    expect(sub.current_period_start).toBe(iso(start));
    await advance(h, clock, Date.UTC(2025, 3, 15));
    const invoices = (await invoicesOf(h, sub.id)).sort((a, b) => String(a.period_start).localeCompare(String(b.period_start)));
    expect(invoices).toHaveLength(15);
    expect(invoices.map((i) => String(i.period_start).slice(0, 10))).toEqual([
      '2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31', '2024-06-30', '2024-07-31', '2024-08-31',
      '2024-09-30', '2024-10-31', '2024-11-30', '2024-12-31', '2025-01-31', '2025-02-28', '2025-03-31',
    ]);
    expect(invoices.every((i) => i.status === 'paid')).toBe(true);
    await expectLedgerBalanced(h);
    h.close();
  });

  it('dunning ends in recovery when a new card is added', async () => {
    const h = await setupLifecycle();
    const start = Date.UTC(2026, 0, 1);
    const { clock, customer } = await clockCustomer(h, start, 'tok_visa');
    const sub = await subscribe(h, customer, h.catalog.monthly);
    // The card starts declining (insufficient funds) after the first payment.
    await h.db.update(gatewayRecords).set({ data: sql`json_set(${gatewayRecords.data}, '$.behavior', 'decline_insufficient_funds')` }).where(eq(gatewayRecords.tableName, 'paymentMethods'));
    await advance(h, clock, Date.UTC(2026, 1, 3));
    let current = await h.json<Json>('GET', `/v1/subscriptions/${sub.id}`);
    expect(current.status).toBe('past_due');
    const open = (await invoicesOf(h, sub.id)).find((i) => i.status === 'open');
    // first attempt on Feb 1, retry on day 1 (Feb 2): 2 attempts
    expect(open?.attempt_count).toBe(2);
    const failedEmails = await countRows(h, 'emails', "template = 'payment_failed'");
    expect(failedEmails).toBe(2);
    await h.json('POST', `/v1/customers/${customer}/payment_methods`, { body: { token: 'tok_mastercard', set_default: true } });
    current = await h.json<Json>('GET', `/v1/subscriptions/${sub.id}`);
    expect(current.status).toBe('active');
    expect((await invoicesOf(h, sub.id)).every((i) => i.status === 'paid')).toBe(true);
    await expectLedgerBalanced(h);
    h.close();
  });

  it('dunning ends in cancellation when retries are exhausted; a hard decline is not retried', async () => {
    const h = await setupLifecycle();
    const start = Date.UTC(2026, 0, 1);
    const { clock, customer } = await clockCustomer(h, start, 'tok_visa');
    const sub = await subscribe(h, customer, h.catalog.monthly);
    await h.db.update(gatewayRecords).set({ data: sql`json_set(${gatewayRecords.data}, '$.behavior', 'decline_card_declined')` }).where(eq(gatewayRecords.tableName, 'paymentMethods'));
    await advance(h, clock, Date.UTC(2026, 1, 20));
    const current = await h.json<Json>('GET', `/v1/subscriptions/${sub.id}`);
    expect(current.status).toBe('canceled');
    const renewal = (await invoicesOf(h, sub.id)).find((i) => i.billing_reason === 'subscription_cycle');
    // 1 attempt + 4 retries (days 1, 3, 5, 7)
    expect(renewal).toMatchObject({ status: 'uncollectible', attempt_count: 5 });
    expect(await countRows(h, 'invoices', `subscription_id = '${sub.id}'`)).toBe(2);

    // Hard decline: a lost card is charged once, never retried.
    const h2 = await setupLifecycle();
    const second = await clockCustomer(h2, start, 'tok_visa');
    const sub2 = await subscribe(h2, second.customer, h2.catalog.monthly);
    await h2.db.update(gatewayRecords).set({ data: sql`json_set(${gatewayRecords.data}, '$.behavior', 'decline_lost_card')` }).where(eq(gatewayRecords.tableName, 'paymentMethods'));
    await advance(h2, second.clock, Date.UTC(2026, 1, 5));
    expect(await countRows(h2, 'payments', "status = 'failed'")).toBe(1);
    expect((await h2.json<Json>('GET', `/v1/subscriptions/${sub2.id}`)).status).toBe('past_due');
    await expectLedgerBalanced(h);
    await expectLedgerBalanced(h2);
    h.close();
    h2.close();
  });

  it('trial end with a payment method converts; without one it cancels', async () => {
    const h = await setupLifecycle();
    const start = Date.UTC(2026, 0, 1);
    const withPm = await clockCustomer(h, start, 'tok_visa');
    const a = await subscribe(h, withPm.customer, h.catalog.trial);
    expect(a.status).toBe('trialing');
    await advance(h, withPm.clock, Date.UTC(2026, 0, 16));
    expect((await h.json<Json>('GET', `/v1/subscriptions/${a.id}`)).status).toBe('active');
    expect(await countRows(h, 'events', "type = 'customer.subscription.trial_will_end'")).toBe(1);
    expect(await countRows(h, 'emails', "template = 'trial_ending'")).toBe(1);
    const without = await clockCustomer(h, start);
    const b = await subscribe(h, without.customer, h.catalog.trial);
    await advance(h, without.clock, Date.UTC(2026, 0, 16));
    expect((await h.json<Json>('GET', `/v1/subscriptions/${b.id}`)).status).toBe('canceled');
    await expectLedgerBalanced(h);
    h.close();
  });

  it('cancel at period end and uncancel; pause issues no invoices until resumed', async () => {
    const h = await setupLifecycle();
    const start = Date.UTC(2026, 0, 1);
    const { clock, customer } = await clockCustomer(h, start, 'tok_visa');
    const sub = await subscribe(h, customer, h.catalog.monthly);
    const canceled = await h.json<Json>('POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { feedback: 'too_expensive', comment: 'pricey' } });
    expect(canceled).toMatchObject({ cancel_at_period_end: true, cancellation_details: { reason: 'cancellation_requested', feedback: 'too_expensive', comment: 'pricey' } });
    expect(await countRows(h, 'emails', "template = 'cancellation_confirmed'")).toBe(1);
    const back = await h.json<Json>('POST', `/v1/subscriptions/${sub.id}/uncancel`);
    expect(back.cancel_at_period_end).toBe(false);
    await h.json('POST', `/v1/subscriptions/${sub.id}/cancel`, { body: {} });
    await advance(h, clock, Date.UTC(2026, 1, 2));
    expect((await h.json<Json>('GET', `/v1/subscriptions/${sub.id}`)).status).toBe('canceled');
    expect(await invoicesOf(h, sub.id)).toHaveLength(1);

    const other = await clockCustomer(h, start, 'tok_visa');
    const p = await subscribe(h, other.customer, h.catalog.monthly);
    const paused = await h.json<Json>('POST', `/v1/subscriptions/${p.id}/pause`, { body: { resumes_at: iso(Date.UTC(2026, 3, 1)) } });
    expect(paused.status).toBe('paused');
    await advance(h, other.clock, Date.UTC(2026, 2, 31));
    expect(await invoicesOf(h, p.id)).toHaveLength(1);
    await advance(h, other.clock, Date.UTC(2026, 3, 1, 1));
    const resumed = await h.json<Json>('GET', `/v1/subscriptions/${p.id}`);
    expect(resumed).toMatchObject({ status: 'active', current_period_start: iso(Date.UTC(2026, 3, 1)) });
    expect(await invoicesOf(h, p.id)).toHaveLength(2);
    await expectLedgerBalanced(h);
    h.close();
  });
});

describe('plan changes', () => {
  it('a payment-first upgrade with a failing card keeps the old plan and leaves no proration', async () => {
    const h = await setupLifecycle();
    const { customer } = await customerWith(h, 'tok_chargeCustomerFail');
    // The first invoice is free (a trial), so the subscription exists with a card that fails later.
    const sub = await subscribe(h, customer, h.catalog.monthly, { trial_period_days: 0, coupon: undefined });
    await h.db.run(sql`update subscriptions set status = 'active' where id = ${sub.id}`);
    const res = await h.call('POST', `/v1/subscriptions/${sub.id}`, { body: { items: [{ price: h.catalog.yearly }] } });
    expect(res.status).toBe(402);
    const after = await h.json<Json>('GET', `/v1/subscriptions/${sub.id}`);
    expect((after.items as { data: { price: { id: string } }[] }).data[0]?.price.id).toBe(h.catalog.monthly);
    const update = (await invoicesOf(h, sub.id)).find((i) => i.billing_reason === 'subscription_update');
    expect(update?.status).toBe('void');
    await expectLedgerBalanced(h);
    h.close();
  });

  it('upgrades paid first apply; downgrades wait for the period end and can be unscheduled; previews match', async () => {
    const h = await setupLifecycle();
    const { customer } = await customerWith(h, 'tok_visa');
    const sub = await subscribe(h, customer, h.catalog.monthly);
    const preview = await h.json<Json>('POST', `/v1/subscriptions/${sub.id}/preview_change`, { body: { items: [{ price: h.catalog.yearly }] } });
    expect(preview).toMatchObject({ kind: 'interval_change', effective: 'now', invoice_now: true });
    const changed = await h.json<Json>('POST', `/v1/subscriptions/${sub.id}`, { body: { items: [{ price: h.catalog.yearly }] } });
    expect(changed.status).toBe('applied');
    const invoice = await h.json<Json>('GET', `/v1/invoices/${String(changed.invoice)}`);
    expect(invoice).toMatchObject({ status: 'paid', amount_due: (preview.invoice as Json).amount_due });
    // Seats down: at the period end ("you keep 2 seats until …"), until the customer keeps the current plan.
    const seats = await subscribe(h, customer, h.catalog.monthly, { items: [{ price: h.catalog.monthly, quantity: 2 }] });
    const down = await h.json<Json>('POST', `/v1/subscriptions/${seats.id}`, { body: { items: [{ price: h.catalog.monthly, quantity: 1 }] } });
    expect(down).toMatchObject({ status: 'scheduled', kind: 'seat_decrease', effective: 'period_end', effective_at: '2026-02-15T12:00:00.000Z' });
    const kept = await h.json<Json>('DELETE', `/v1/subscriptions/${seats.id}/scheduled_change`);
    expect(kept.scheduled_change).toBeNull();
    await expectLedgerBalanced(h);
    h.close();
  });

  it('two quick changes: the stale writer gets a 409', async () => {
    const h = await setupLifecycle();
    const { customer } = await customerWith(h, 'tok_visa');
    const sub = await subscribe(h, customer, h.catalog.monthly);
    const results = await Promise.all([2, 3].map((quantity) => h.call('POST', `/v1/subscriptions/${sub.id}`, { body: { items: [{ price: h.catalog.monthly, quantity }], proration_behavior: 'none' } })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const stale = await h.call('POST', `/v1/subscriptions/${sub.id}`, { body: { items: [{ price: h.catalog.monthly, quantity: 5 }], expected_version: 1 } });
    expect(stale.status).toBe(409);
    h.close();
  });
});

describe('usage', () => {
  it('events are idempotent by event_id and invoiced at period end as core prices them', async () => {
    const h = await setupLifecycle();
    const product = await h.json<Json>('POST', '/v1/products', { body: { name: 'API' } });
    const metered = await h.json<Json>('POST', '/v1/prices', {
      body: { product: product.id, currency: 'EUR', tax_behavior: 'exclusive', recurring: { interval: 'month', usage_type: 'metered' }, unit_amount: 2, metadata: { abona_usage_threshold: '100' } },
    });
    const { customer } = await customerWith(h, 'tok_visa');
    const sub = await h.json<Json>('POST', '/v1/subscriptions', { body: { customer, items: [{ price: h.catalog.monthly }, { price: metered.id }] } });
    const events = Array.from({ length: 5 }, (_, i) => ({ event_id: `e${i}`, subscription: sub.id, quantity: 30 }));
    const first = await h.json<Json>('POST', '/v1/usage_events', { body: { events } });
    expect(first).toMatchObject({ created: 5, duplicates: [] });
    const again = await h.json<Json>('POST', '/v1/usage_events', { body: { events: [...events.slice(0, 2), { event_id: 'e9', subscription: sub.id, quantity: 10 }] } });
    expect(again).toMatchObject({ created: 1, duplicates: ['e0', 'e1'] });
    const bad = await h.json<{ error: { param: string } }>('POST', '/v1/usage_events', { body: { events: [{ event_id: 'x', subscription: sub.id }, { event_id: 'y', subscription: sub.id, quantity: -1 }] } }, 400);
    expect(bad.error.param).toBe('events[1][quantity]');
    const usage = await h.json<Json>('GET', `/v1/subscriptions/${sub.id}/usage`);
    // 5 × 30 + 10 = 160 units × 2 = 320
    expect((usage.data as Json[])[0]).toMatchObject({ quantity: 160, amount: 320, threshold: 100 });
    expect(await countRows(h, 'events', "type = 'usage.threshold_reached'")).toBe(1);
    await h.services.lifecycle.runDue({ nowMs: Date.UTC(2026, 1, 15, 14) });
    const renewal = (await invoicesOf(h, sub.id)).find((i) => i.billing_reason === 'subscription_cycle') as Json;
    const lines = (renewal.lines as { data: Json[] }).data;
    expect(lines.find((l) => l.kind === 'usage')).toMatchObject({ quantity: 160, amount: 320 });
    await expectLedgerBalanced(h);
    h.close();
  });

  it('fuzzed bodies never answer 500', async () => {
    const h = await setupLifecycle();
    const { customer } = await customerWith(h, 'tok_visa');
    const sub = await subscribe(h, customer, h.catalog.monthly);
    const paths = ['/v1/usage_events', `/v1/subscriptions/${sub.id}`, `/v1/subscriptions/${sub.id}/preview_change`, `/v1/subscriptions/${sub.id}/cancel`, `/v1/subscriptions/${sub.id}/pause`];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.jsonValue(), async (path, body) => {
        const res = await h.call('POST', path, { body });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    h.close();
  });
});
