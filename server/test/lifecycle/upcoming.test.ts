import { describe, expect, it } from 'vitest';
import { portalToken } from '../portal/fixtures.js';
import { invoicesOf, iso, setupLifecycle, subscribe, type Json } from './helpers.js';

type Line = { description: string; amount: number; quantity: number; total_amount: number };
const linesOf = (invoice: Json) => (invoice.lines as { data: Line[] }).data.map((l) => [l.description, l.amount, l.quantity, l.total_amount]);

describe('upcoming invoice', () => {
  it('previews exactly the renewal the billing run then makes, with a scheduled seat decrease', async () => {
    const h = await setupLifecycle();
    const start = Date.UTC(2026, 0, 15, 12);
    h.clock.set(start);
    const clock = await h.json<Json>('POST', '/v1/test_helpers/test_clocks', { body: { frozen_time: iso(start) } });
    const customer = await h.json<Json>('POST', '/v1/customers', { body: { email: 'ana@example.ro', address: { country: 'RO' }, test_clock: clock.id } });
    await h.json('POST', `/v1/customers/${customer.id}/payment_methods`, { body: { token: 'tok_visa' } });
    const sub = await subscribe(h, customer.id, h.catalog.monthly, { items: [{ price: h.catalog.monthly, quantity: 2 }] });
    await h.json('POST', `/v1/subscriptions/${sub.id}`, { body: { items: [{ price: h.catalog.monthly, quantity: 1 }] } });

    const secret = await h.json<Json>('GET', `/v1/subscriptions/${sub.id}/upcoming_invoice`);
    const key = await portalToken(h, customer.id);
    const portal = await h.json<Json>('GET', `/v1/portal/subscriptions/${sub.id}/upcoming_invoice`, { key });
    expect(portal).toEqual(secret);
    // One seat from the period end: 2900, + 21 % TVA (609) = 3509.
    expect(secret).toMatchObject({ object: 'invoice', id: null, subscription: sub.id, subtotal: 2900, tax: 609, total: 3509, amount_due: 3509, period_start: '2026-02-15T12:00:00.000Z', next_payment_attempt: '2026-02-15T12:00:00.000Z' });

    await h.json('POST', `/v1/test_helpers/test_clocks/${clock.id}/advance`, { body: { frozen_time: iso(Date.UTC(2026, 1, 15, 13)) } });
    const renewal = (await invoicesOf(h, sub.id)).find((i) => i.period_start === secret.period_start);
    expect(renewal).toBeDefined();
    expect(linesOf(renewal!)).toEqual(linesOf(secret));
    for (const field of ['subtotal', 'total_discount', 'tax', 'total', 'amount_due', 'period_end'] as const) expect(renewal![field]).toEqual(secret[field]);
    h.close();
  });

  it('404 no_upcoming_invoice once it ends at the period end; another customer gets a plain 404', async () => {
    const h = await setupLifecycle();
    const customer = await h.json<Json>('POST', '/v1/customers', { body: { email: 'ana@example.ro', address: { country: 'RO' } } });
    await h.json('POST', `/v1/customers/${customer.id}/payment_methods`, { body: { token: 'tok_visa' } });
    const other = await h.json<Json>('POST', '/v1/customers', { body: { email: 'bo@example.ro' } });
    const sub = await subscribe(h, customer.id, h.catalog.monthly);
    const foreign = await h.call('GET', `/v1/portal/subscriptions/${sub.id}/upcoming_invoice`, { key: await portalToken(h, other.id) });
    expect(foreign.status).toBe(404);
    expect(((await foreign.json()) as { error: Json }).error.code).toBe('resource_missing');
    await h.json('POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { at_period_end: true } });
    for (const [path, key] of [[`/v1/subscriptions/${sub.id}/upcoming_invoice`, undefined], [`/v1/portal/subscriptions/${sub.id}/upcoming_invoice`, await portalToken(h, customer.id)]] as const) {
      const res = await h.call('GET', path, key ? { key } : {});
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: Json }).error.code).toBe('no_upcoming_invoice');
    }
    h.close();
  });
});
