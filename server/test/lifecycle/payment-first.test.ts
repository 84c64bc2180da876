import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { payments, subscriptions } from '../../src/db/schema.js';
import { expectLedgerBalanced, NOW_MS } from '../checkout/helpers.js';
import { portalToken } from '../portal/fixtures.js';
import { customerWith, DAY_MS, invoicesOf, setupLifecycle, subscribe, type Json, type LifecycleHarness } from './helpers.js';

const priceOf = (sub: Json) => (sub.items as { data: { price: { id: string }; quantity: number }[] }).data.map((i) => [i.price.id, i.quantity]);

/** A paid monthly subscription whose customer then makes the 3-D Secure card (4000 0025 0000 3155) the default, ten days in. */
async function threeDSecureCustomer(h: LifecycleHarness) {
  const { customer } = await customerWith(h, 'tok_visa');
  const sub = await subscribe(h, customer, h.catalog.monthly);
  h.clock.set(NOW_MS + 10 * DAY_MS);
  await h.json('POST', `/v1/customers/${customer}/payment_methods`, { body: { token: 'tok_threeDSecureRequired', set_default: true } });
  return { customer, sub, key: await portalToken(h, customer) };
}

describe('payment-first upgrades with 3-D Secure', () => {
  it('a failed challenge keeps the old plan, voids the change invoice, leaves no proration and no payment; a completed one applies paid', async () => {
    const h = await setupLifecycle();
    const { sub, key } = await threeDSecureCustomer(h);
    const path = `/v1/portal/subscriptions/${sub.id}`;
    const upgrade = { items: [{ price: h.catalog.yearly }] };
    // Jan 25 12:00: unused monthly time 2900 · 21/31 = 1964.52 → −1965; yearly 29000 from now;
    // net 27035 + 21 % VAT (−413 + 6090 = 5677) = 32712 due now.
    const preview = await h.json<Json>('POST', `${path}/preview_change`, { key, body: upgrade });
    expect(preview).toMatchObject({ kind: 'interval_change', invoice_now: true, amount_due_now: 32712 });

    const first = await h.json<Json>('POST', `${path}/change`, { key, body: upgrade });
    expect(first).toMatchObject({ status: 'requires_action', kind: 'interval_change', action: { type: 'three_d_secure' } });
    const action = first.action as { id: string; client_secret: string };
    expect(action.id).toMatch(/^pay_/);
    expect(priceOf(first.subscription as Json)).toEqual([[h.catalog.monthly, 1]]);

    const failed = await h.call('POST', `${path}/complete_change`, { key, body: { action_id: action.id, outcome: 'fail' } });
    expect(failed.status).toBe(402);
    expect(((await failed.json()) as { error: { decline_code: string } }).error.decline_code).toBe('authentication_failed');
    const kept = await h.json<Json>('GET', `/v1/subscriptions/${sub.id}`);
    expect(priceOf(kept)).toEqual([[h.catalog.monthly, 1]]);
    expect(kept).toMatchObject({ status: 'active', current_period_end: '2026-02-15T12:00:00.000Z' });
    const voided = await h.json<Json>('GET', `/v1/invoices/${String(first.invoice)}`);
    expect(voided).toMatchObject({ status: 'void', amount_paid: 0, amount_remaining: 0, total: 32712 });
    const [row] = await h.db.select().from(subscriptions).where(eq(subscriptions.id, sub.id));
    expect(row?.pendingLines).toEqual([]);
    const upcoming = await h.json<{ lines: { data: Json[] } }>('GET', `/v1/subscriptions/${sub.id}/upcoming_invoice`);
    expect(upcoming.lines.data.map((l) => l.kind)).toEqual(['subscription']);
    const onChange = await h.db.select().from(payments).where(eq(payments.invoiceId, String(first.invoice)));
    expect(onChange.map((p) => p.status)).toEqual(['failed']);
    // The same action cannot be completed twice.
    expect((await h.call('POST', `${path}/complete_change`, { key, body: { action_id: action.id } })).status).toBe(400);

    // Again, completed: a new invoice (never the voided one), paid, the yearly plan applied.
    const second = await h.json<Json>('POST', `${path}/change`, { key, body: upgrade });
    expect(second).toMatchObject({ status: 'requires_action' });
    expect(second.invoice).not.toBe(first.invoice);
    const done = await h.json<Json>('POST', `${path}/complete_change`, { key, body: { action_id: (second.action as { id: string }).id, outcome: 'complete' } });
    expect(done).toMatchObject({ status: 'applied', kind: 'interval_change', invoice: second.invoice });
    expect(priceOf(done.subscription as Json)).toEqual([[h.catalog.yearly, 1]]);
    expect(await h.json<Json>('GET', `/v1/invoices/${String(second.invoice)}`)).toMatchObject({ status: 'paid', amount_paid: 32712, amount_remaining: 0 });
    expect(await h.json<Json>('GET', `/v1/subscriptions/${sub.id}`)).toMatchObject({ current_period_start: '2026-01-25T12:00:00.000Z', current_period_end: '2027-01-25T12:00:00.000Z' });
    const succeeded = (await h.db.select().from(payments)).filter((p) => p.status === 'succeeded').map((p) => [p.invoiceId, p.amount]);
    expect(succeeded).toEqual([[(await invoicesOf(h, sub.id)).find((i) => i.billing_reason === 'subscription_create')?.id, 3509], [second.invoice, 32712]]);
    await expectLedgerBalanced(h);
    h.close();
  });

  it('off-session (secret key) the 3-D Secure card cannot pay: 402, old plan kept, invoice voided', async () => {
    const h = await setupLifecycle();
    const { sub } = await threeDSecureCustomer(h);
    const res = await h.call('POST', `/v1/subscriptions/${sub.id}`, { body: { items: [{ price: h.catalog.yearly }] } });
    expect(res.status).toBe(402);
    expect(priceOf(await h.json<Json>('GET', `/v1/subscriptions/${sub.id}`))).toEqual([[h.catalog.monthly, 1]]);
    expect((await invoicesOf(h, sub.id)).find((i) => i.billing_reason === 'subscription_update')?.status).toBe('void');
    await expectLedgerBalanced(h);
    h.close();
  });

  it('two quick changes in a row end on the last requested; the stale writer gets 409 and changes nothing', async () => {
    const h = await setupLifecycle();
    const { customer } = await customerWith(h, 'tok_visa');
    const sub = await subscribe(h, customer, h.catalog.monthly, { items: [{ price: h.catalog.monthly, quantity: 2 }] });
    // The portal's view carries the version (the secret key's GET does not; see the report).
    const key = await portalToken(h, customer);
    const path = `/v1/portal/subscriptions/${sub.id}`;
    const v1 = (await h.json<Json>('GET', path, { key })).version as number;
    // A seat decrease waits for the period end; then, quickly, an increase applies now.
    const down = await h.json<Json>('POST', `${path}/change`, { key, body: { items: [{ price: h.catalog.monthly, quantity: 1 }], expected_version: v1 } });
    expect(down).toMatchObject({ status: 'scheduled' });
    const v2 = (down.subscription as Json).version as number;
    expect(v2).toBeGreaterThan(v1);
    const up = await h.json<Json>('POST', `${path}/change`, { key, body: { items: [{ price: h.catalog.monthly, quantity: 3 }], expected_version: v2, proration_behavior: 'none' } });
    expect(up).toMatchObject({ status: 'applied' });
    // A writer still holding the first version loses, whatever it asks, with either key.
    for (const [url, auth] of [[`${path}/change`, key], [`/v1/subscriptions/${sub.id}`, undefined]] as const) {
      const stale = await h.call('POST', url, { key: auth, body: { items: [{ price: h.catalog.monthly, quantity: 5 }], expected_version: v1 } });
      expect(stale.status).toBe(409);
      expect(((await stale.json()) as { error: { param: string } }).error.param).toBe('expected_version');
    }
    const now = await h.json<Json>('GET', path, { key });
    expect(priceOf(now)).toEqual([[h.catalog.monthly, 3]]);
    // The earlier scheduled decrease no longer stands: the last request wins at the renewal too.
    expect(now.scheduled_change).toBeNull();
    await h.services.lifecycle.runDue({ nowMs: Date.UTC(2026, 1, 15, 13) });
    const renewal = (await invoicesOf(h, sub.id)).find((i) => i.billing_reason === 'subscription_cycle');
    expect((renewal?.lines as { data: Json[] }).data.map((l) => [l.kind, l.quantity])).toEqual([['subscription', 3]]);
    h.close();
  });
});
