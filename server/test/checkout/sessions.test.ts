import { describe, expect, it } from 'vitest';
import { PK_TEST } from '../helpers.js';
import { CARD_OK, counts, createSession, expectLedgerBalanced, setupBilling, type Json } from './helpers.js';

type ErrorBody = { error: { type: string; code: string; param: string | null } };
type Quote = { lines: { description: string; discount_amount: number; net_amount: number }[]; subtotal: number; total_discount: number; tax: number; total: number; amount_due: number; then: { date: string; total: number; tax: number } | null };

describe('checkout: promotion codes', () => {
  it('DEMO20 takes 20 % off before tax; the invoice and the subscription carry it', async () => {
    const h = await setupBilling();
    const session = await createSession(h, { line_items: [{ price: h.catalog.monthly }], promotion_code: 'demo20' }, PK_TEST);
    const quote = session.quote as Quote;
    // 2900 − 20 % (580) = 2320; TVA 21 % of 2320 = 487.2 → 487; total 2807
    expect(quote).toMatchObject({ subtotal: 2900, total_discount: 580, tax: 487, total: 2807 });
    expect(session.discount).toMatchObject({ percent_off: '20' });
    // The next month keeps the forever discount: same 2807.
    expect(quote.then).toMatchObject({ date: '2026-02-15T12:00:00.000Z', total: 2807 });

    const done = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: { card: CARD_OK } } });
    const invoice = await h.json<Json>('GET', `/v1/invoices/${String(done.invoice)}`);
    expect(invoice).toMatchObject({ total_discount: 580, tax: 487, total: 2807, amount_paid: 2807 });
    const sub = await h.json<Json>('GET', `/v1/subscriptions/${String(done.subscription)}`);
    expect((sub.discount as { coupon: string }).coupon).toMatch(/^coupon_/);
    const promo = await h.json<{ data: Json[] }>('GET', '/v1/promotion_codes?code=DEMO20');
    expect(promo.data[0]?.times_redeemed).toBe(1);
    await expectLedgerBalanced(h);
    h.close();
  });

  it('an unknown code is a 400 on promotion_code, at creation and on update', async () => {
    const h = await setupBilling();
    const bad = await h.json<ErrorBody>('POST', '/v1/checkout_sessions', { key: PK_TEST, body: { line_items: [{ price: h.catalog.monthly }], promotion_code: 'NOPE' } }, 400);
    expect(bad.error.param).toBe('promotion_code');
    const session = await createSession(h, { line_items: [{ price: h.catalog.monthly }] }, PK_TEST);
    const badUpdate = await h.json<ErrorBody>('POST', `/v1/checkout_sessions/${session.id}`, { key: PK_TEST, body: { promotion_code: 'NOPE' } }, 400);
    expect(badUpdate.error.param).toBe('promotion_code');
    h.close();
  });
});

describe('checkout: updates recompute the quote', () => {
  it('quantity, country, business with a VAT number (reverse charge), promotion code', async () => {
    const h = await setupBilling();
    const session = await createSession(h, { line_items: [{ price: h.catalog.monthly }] }, PK_TEST);
    const three = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}`, { key: PK_TEST, body: { line_items: [{ price: h.catalog.monthly, quantity: 3 }] } });
    // 3 × 2900 = 8700; TVA 21 % = 1827; total 10527
    expect(three).toMatchObject({ amount_subtotal: 8700, amount_tax: 1827, amount_total: 10527 });
    const german = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}`, { key: PK_TEST, body: { customer_details: { address: { country: 'DE' } } } });
    // OSS: German consumer pays USt. 19 %: 8700 × 0.19 = 1653
    expect(german).toMatchObject({ amount_tax: 1653, amount_total: 10353 });
    const business = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}`, {
      key: PK_TEST,
      body: { customer_details: { business: true, business_name: 'Muster GmbH', tax_id: { type: 'eu_vat', value: 'DE 136 695 976' } } },
    });
    expect(business).toMatchObject({ amount_tax: 0, amount_total: 8700 });
    expect((business.quote as { reverse_charge: boolean }).reverse_charge).toBe(true);
    const promo = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}`, { key: PK_TEST, body: { promotion_code: 'DEMO20' } });
    // 8700 − 20 % = 6960, reverse charged
    expect(promo).toMatchObject({ amount_discount: 1740, amount_total: 6960 });
    const none = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}`, { key: PK_TEST, body: { promotion_code: null } });
    expect(none).toMatchObject({ amount_discount: 0, amount_total: 8700, promotion_code: null });

    const bad = await h.json<ErrorBody>('POST', `/v1/checkout_sessions/${session.id}`, { key: PK_TEST, body: { customer_details: { tax_id: { type: 'eu_vat', value: 'DE136695977' } } } }, 400);
    expect(bad.error.param).toBe('customer_details[tax_id][value]');

    const done = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: { card: CARD_OK } } });
    const invoice = await h.json<Json>('GET', `/v1/invoices/${String(done.invoice)}`);
    expect(invoice).toMatchObject({ total: 8700, tax: 0, reverse_charge: true });
    const html = await h.call('GET', `/v1/invoices/${String(done.invoice)}/html`);
    const text = await html.text();
    expect(text).toContain('Reverse charge');
    expect(text).toContain('DE136695976');
    expect(text).toContain('Muster GmbH');
    h.close();
  });
});

describe('checkout: trials', () => {
  it('no charge today, the subscription is trialing, the card is set up, and the quote shows the first renewal', async () => {
    const h = await setupBilling();
    const session = await createSession(h, { line_items: [{ price: h.catalog.trial }] }, PK_TEST);
    const quote = session.quote as Quote;
    expect(quote).toMatchObject({ total: 0, amount_due: 0 });
    expect(quote.lines[0]?.description).toMatch(/^Free trial: Pro/);
    // 14 days after 2026-01-15T12:00Z; then 2900 + 609 TVA
    expect(session.trial_end).toBe('2026-01-29T12:00:00.000Z');
    expect(quote.then).toMatchObject({ date: '2026-01-29T12:00:00.000Z', total: 3509, tax: 609 });

    const done = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: { card: CARD_OK } } });
    expect(done).toMatchObject({ status: 'complete', payment_status: 'no_payment_required', payment: null });
    const sub = await h.json<Json>('GET', `/v1/subscriptions/${String(done.subscription)}`);
    expect(sub).toMatchObject({ status: 'trialing', trial_end: '2026-01-29T12:00:00.000Z', current_period_end: '2026-01-29T12:00:00.000Z' });
    const invoice = await h.json<Json>('GET', `/v1/invoices/${String(done.invoice)}`);
    expect(invoice).toMatchObject({ status: 'paid', total: 0, amount_paid: 0 });
    const methods = await h.json<{ data: Json[] }>('GET', `/v1/customers/${String(done.customer)}/payment_methods`);
    expect(methods.data[0]).toMatchObject({ off_session_ready: true });
    expect((await counts(h)).payments).toBe(0);
    await expectLedgerBalanced(h);
    h.close();
  });
});

describe('checkout: concurrency and idempotency', () => {
  it('50 concurrent confirms with one Idempotency-Key make one subscription, one payment, one invoice', async () => {
    const h = await setupBilling();
    const session = await createSession(h, { line_items: [{ price: h.catalog.monthly }] }, PK_TEST);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        h.call('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: 'tok_visa' }, headers: { 'idempotency-key': 'confirm-once' } }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    expect(statuses).toContain(200);
    expect(await counts(h)).toMatchObject({ customers: 1, subscriptions: 1, invoices: 1, payments: 1, payment_methods: 1 });
    await expectLedgerBalanced(h);
    h.close();
  });

  it('50 concurrent confirms without a key still charge once (the session itself is locked)', async () => {
    const h = await setupBilling();
    const session = await createSession(h, { line_items: [{ price: h.catalog.monthly }] }, PK_TEST);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => h.call('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: 'tok_visa' } })),
    );
    expect(responses.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    expect(await counts(h)).toMatchObject({ customers: 1, subscriptions: 1, invoices: 1, payments: 1 });
    h.close();
  });

  it('invoice numbers are unique and sequential per mode', async () => {
    const h = await setupBilling();
    const numbers: string[] = [];
    for (let i = 0; i < 4; i++) {
      const session = await createSession(h, { line_items: [{ price: h.catalog.monthly }], email: `buyer${i}@example.com` }, PK_TEST);
      const done = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: 'tok_visa' } });
      numbers.push(String((await h.json<Json>('GET', `/v1/invoices/${String(done.invoice)}`)).number));
    }
    expect(numbers).toEqual(['ABONA-000001', 'ABONA-000002', 'ABONA-000003', 'ABONA-000004']);
    // The same email buys again: the existing customer is reused.
    expect((await counts(h)).customers).toBe(4);
    const session = await createSession(h, { line_items: [{ price: h.catalog.yearly }], email: 'BUYER0@example.com' }, PK_TEST);
    await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: 'tok_visa' } });
    expect((await counts(h)).customers).toBe(4);
    await expectLedgerBalanced(h);
    h.close();
  });
});

describe('checkout: keys, expiry and test cards', () => {
  it('a publishable key creates and confirms sessions but cannot list invoices or subscriptions', async () => {
    const h = await setupBilling();
    expect((await h.call('GET', '/v1/invoices', { key: PK_TEST })).status).toBe(403);
    expect((await h.call('GET', '/v1/subscriptions', { key: PK_TEST })).status).toBe(403);
    expect((await h.call('POST', '/v1/subscriptions', { key: PK_TEST, body: {} })).status).toBe(403);
    const list = await h.json<{ data: Json[] }>('GET', '/v1/invoices');
    expect(list.data).toEqual([]);
    h.close();
  });

  it('a session expires after 24 h and refuses to be confirmed', async () => {
    const h = await setupBilling();
    const session = await createSession(h, { line_items: [{ price: h.catalog.monthly }] }, PK_TEST);
    h.clock.advance(24 * 3_600_000);
    const body = await h.json<ErrorBody>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: 'tok_visa' } }, 400);
    expect(body.error.code).toBe('checkout_session_expired');
    expect((await h.json<Json>('GET', `/v1/checkout_sessions/${session.id}`, { key: PK_TEST })).status).toBe('expired');
    expect((await counts(h)).payments).toBe(0);
    h.close();
  });

  it('test cards are refused in live mode; bad card data names the field', async () => {
    const h = await setupBilling();
    const session = await createSession(h, { line_items: [{ price: h.catalog.monthly }] }, PK_TEST);
    const bad = await h.json<ErrorBody>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: { card: { ...CARD_OK, number: '4242424242424241' } } } }, 400);
    expect(bad.error.param).toBe('payment_method[card][number]');
    const cvc = await h.json<ErrorBody>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: { card: { ...CARD_OK, cvc: '1' } } } }, 400);
    expect(cvc.error.param).toBe('payment_method[card][cvc]');
    const token = await h.json<ErrorBody>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: 'tok_unknown' } }, 400);
    expect(token.error.param).toBe('payment_method');
    expect((await counts(h)).customers).toBe(0);
    h.close();
  });
});
