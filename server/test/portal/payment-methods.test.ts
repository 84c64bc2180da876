import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { gatewayRecords } from '../../src/db/schema.js';
import { expectLedgerBalanced } from '../checkout/helpers.js';
import { customerWith, invoicesOf, iso, setupLifecycle, subscribe, type Json, type LifecycleHarness } from '../lifecycle/helpers.js';
import { portalToken } from './fixtures.js';

const asPortal = (token: string) => ({ key: token });

async function twoCustomers(h: LifecycleHarness) {
  const a = await customerWith(h, 'tok_visa');
  const b = await customerWith(h, 'tok_visa', { email: 'bogdan@example.ro', name: 'Bogdan' });
  await subscribe(h, a.customer, h.catalog.monthly);
  return { a, b, tokenA: await portalToken(h, a.customer), tokenB: await portalToken(h, b.customer) };
}

describe('portal payment methods', () => {
  it('adds a test card (the first stays default), makes it default, removes the old one', async () => {
    const h = await setupLifecycle();
    const { a, tokenA } = await twoCustomers(h);
    const added = await h.json<Json>('POST', '/v1/portal/payment_methods', { ...asPortal(tokenA), body: { card: { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' } } });
    expect(added).toMatchObject({ object: 'payment_method', customer: a.customer, default: false, card: { last4: '4242' } });
    const chosen = await h.json<Json>('POST', `/v1/portal/payment_methods/${added.id}/default`, { ...asPortal(tokenA), body: {} });
    expect(chosen).toMatchObject({ id: added.id, default: true });
    expect((await h.json<Json>('GET', '/v1/portal/customer', asPortal(tokenA))).default_payment_method).toBe(added.id);
    const removed = await h.json<Json>('DELETE', `/v1/portal/payment_methods/${a.pm}`, asPortal(tokenA));
    expect(removed).toEqual({ id: a.pm, object: 'payment_method', deleted: true });
    const list = await h.json<{ data: Json[] }>('GET', '/v1/portal/payment_methods', asPortal(tokenA));
    expect(list.data.map((m) => m.id)).toEqual([added.id]);
    // The last method of a live subscription stays.
    const last = await h.call('DELETE', `/v1/portal/payment_methods/${added.id}`, asPortal(tokenA));
    expect(last.status).toBe(400);
    expect(((await last.json()) as { error: Json }).error).toMatchObject({ param: 'payment_method', code: 'payment_method_required' });
    h.close();
  });

  it("customer B cannot make default or remove A's method: 404, and nothing changes", async () => {
    const h = await setupLifecycle();
    const { a, b, tokenB } = await twoCustomers(h);
    for (const [method, path] of [['POST', `/v1/portal/payment_methods/${a.pm}/default`], ['DELETE', `/v1/portal/payment_methods/${a.pm}`]] as const) {
      const res = await h.call(method, path, { ...asPortal(tokenB), ...(method === 'POST' ? { body: {} } : {}) });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: Json }).error).toMatchObject({ code: 'resource_missing' });
    }
    const listA = await h.json<{ data: Json[] }>('GET', `/v1/customers/${a.customer}/payment_methods`);
    expect(listA.data.map((m) => [m.id, m.default])).toEqual([[a.pm, true]]);
    const listB = await h.json<{ data: Json[] }>('GET', '/v1/portal/payment_methods', asPortal(tokenB));
    expect(listB.data.map((m) => [m.id, m.default])).toEqual([[b.pm, true]]);
    h.close();
  });

  it('a past-due customer who adds a default card in the portal is charged and recovers', async () => {
    const h = await setupLifecycle();
    const start = Date.UTC(2026, 0, 1);
    h.clock.set(start);
    const clock = await h.json<Json>('POST', '/v1/test_helpers/test_clocks', { body: { frozen_time: iso(start) } });
    const customer = await h.json<Json>('POST', '/v1/customers', { body: { email: 'tc@example.ro', address: { country: 'RO' }, test_clock: clock.id } });
    await h.json('POST', `/v1/customers/${customer.id}/payment_methods`, { body: { token: 'tok_visa' } });
    const sub = await subscribe(h, customer.id, h.catalog.monthly);
    await h.db.update(gatewayRecords).set({ data: sql`json_set(${gatewayRecords.data}, '$.behavior', 'decline_insufficient_funds')` }).where(eq(gatewayRecords.tableName, 'paymentMethods'));
    await h.json('POST', `/v1/test_helpers/test_clocks/${clock.id}/advance`, { body: { frozen_time: iso(Date.UTC(2026, 1, 3)) } });
    expect((await h.json<Json>('GET', `/v1/subscriptions/${sub.id}`)).status).toBe('past_due');
    const token = await portalToken(h, customer.id);
    await h.json('POST', '/v1/portal/payment_methods', { ...asPortal(token), body: { token: 'tok_mastercard', set_default: true } });
    expect((await h.json<Json>('GET', `/v1/portal/subscriptions/${sub.id}`, asPortal(token))).status).toBe('active');
    expect((await invoicesOf(h, sub.id)).every((i) => i.status === 'paid')).toBe(true);
    await expectLedgerBalanced(h);
    h.close();
  });

  it('any body to POST /v1/portal/payment_methods is answered without a 500', async () => {
    const h = await setupLifecycle();
    const { tokenA } = await twoCustomers(h);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const res = await h.call('POST', '/v1/portal/payment_methods', { ...asPortal(tokenA), body });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    h.close();
  });
});
