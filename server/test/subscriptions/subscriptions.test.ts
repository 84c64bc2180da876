import { describe, expect, it } from 'vitest';
import { counts, expectLedgerBalanced, setupBilling, type Json } from '../checkout/helpers.js';

type ErrorBody = { error: { code: string; param: string | null } };

async function customerWith(h: Awaited<ReturnType<typeof setupBilling>>, token?: string): Promise<{ customer: string; pm: string | null }> {
  const customer = await h.json<Json>('POST', '/v1/customers', { body: { email: 'ops@example.ro', address: { country: 'RO' } } });
  if (!token) return { customer: customer.id, pm: null };
  const pm = await h.json<Json>('POST', `/v1/customers/${customer.id}/payment_methods`, { body: { token } });
  return { customer: customer.id, pm: pm.id };
}

describe('POST /v1/subscriptions (off-session)', () => {
  it('charges the default method and is active, Stripe-shaped', async () => {
    const h = await setupBilling();
    const { customer } = await customerWith(h, 'tok_visa');
    const sub = await h.json<Json>('POST', '/v1/subscriptions', { body: { customer, items: [{ price: h.catalog.monthly, quantity: 2 }], coupon: undefined } });
    expect(sub).toMatchObject({ object: 'subscription', status: 'active', customer, currency: 'EUR', cancel_at_period_end: false, trial_end: null });
    expect((sub.items as { data: unknown[] }).data[0]).toMatchObject({ price: { id: h.catalog.monthly, unit_amount: 2900, recurring: { interval: 'month', interval_count: 1 } }, quantity: 2 });
    const invoice = await h.json<Json>('GET', `/v1/invoices/${String(sub.latest_invoice)}`);
    // 2 × 2900 = 5800; TVA 21 % = 1218; 7018
    expect(invoice).toMatchObject({ status: 'paid', total: 7018, amount_paid: 7018, attempt_count: 1 });
    const list = await h.json<{ data: Json[] }>('GET', `/v1/subscriptions?customer=${customer}&status=active`);
    expect(list.data.map((s) => s.id)).toEqual([sub.id]);
    expect((await h.json<{ data: Json[] }>('GET', '/v1/subscriptions?status=canceled')).data).toEqual([]);
    const invoices = await h.json<{ data: Json[] }>('GET', `/v1/invoices?subscription=${sub.id}`);
    expect(invoices.data).toHaveLength(1);
    await expectLedgerBalanced(h);
    h.close();
  });

  it.each([
    // 0341 attaches and sets up fine, then every charge declines.
    ['tok_chargeCustomerFail', 'card_declined'],
    // A 3-D Secure card never set up cannot be charged off-session.
    ['tok_threeDSecureRequired', 'authentication_required'],
  ])('with %s it is incomplete and its invoice stays open', async (token, declineCode) => {
    const h = await setupBilling();
    const { customer } = await customerWith(h, token);
    const sub = await h.json<Json>('POST', '/v1/subscriptions', { body: { customer, items: [{ price: h.catalog.monthly }] } });
    expect(sub.status).toBe('incomplete');
    const invoice = await h.json<Json>('GET', `/v1/invoices/${String(sub.latest_invoice)}`);
    expect(invoice).toMatchObject({ status: 'open', amount_remaining: 3509, attempt_count: 1 });
    const payments = await h.db.query.payments.findMany();
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ status: 'failed', declineCode, offSession: true });
    const types = (await h.db.query.events.findMany()).map((e) => e.type);
    expect(types).toContain('invoice.payment_failed');
    expect(types).not.toContain('invoice.paid');
    await expectLedgerBalanced(h);
    h.close();
  });

  it('without a payment method it is incomplete; with a trial it is trialing and nothing is charged', async () => {
    const h = await setupBilling();
    const { customer } = await customerWith(h);
    const incomplete = await h.json<Json>('POST', '/v1/subscriptions', { body: { customer, items: [{ price: h.catalog.monthly }] } });
    expect(incomplete.status).toBe('incomplete');
    const trialing = await h.json<Json>('POST', '/v1/subscriptions', { body: { customer, items: [{ price: h.catalog.monthly }], trial_period_days: 7 } });
    expect(trialing).toMatchObject({ status: 'trialing', trial_end: '2026-01-22T12:00:00.000Z' });
    expect((await counts(h)).payments).toBe(0);
    h.close();
  });

  it('a promotion code or coupon discounts it; bad references are 400s with their param', async () => {
    const h = await setupBilling();
    const { customer } = await customerWith(h, 'tok_visa');
    const sub = await h.json<Json>('POST', '/v1/subscriptions', { body: { customer, items: [{ price: h.catalog.monthly }], promotion_code: 'DEMO20' } });
    const invoice = await h.json<Json>('GET', `/v1/invoices/${String(sub.latest_invoice)}`);
    expect(invoice).toMatchObject({ total_discount: 580, total: 2807, status: 'paid' });
    for (const [body, param] of [
      [{ customer: 'cus_nope', items: [{ price: h.catalog.monthly }] }, 'customer'],
      [{ customer, items: [{ price: 'price_nope' }] }, 'items[0][price]'],
      [{ customer, items: [{ price: h.catalog.setupFee }] }, 'items[0][price]'],
      [{ customer, items: [{ price: h.catalog.monthly }, { price: h.catalog.yearly }] }, 'items'],
      [{ customer, items: [{ price: h.catalog.monthly }], promotion_code: 'NOPE' }, 'promotion_code'],
      [{ customer, items: [{ price: h.catalog.monthly }], coupon: 'coupon_nope' }, 'coupon'],
      [{ customer, items: [{ price: h.catalog.monthly }], default_payment_method: 'pm_nope' }, 'default_payment_method'],
    ] as const) {
      const res = await h.json<ErrorBody>('POST', '/v1/subscriptions', { body }, 400);
      expect(res.error.param).toBe(param);
    }
    expect((await h.call('GET', '/v1/subscriptions/sub_nope')).status).toBe(404);
    h.close();
  });
});
