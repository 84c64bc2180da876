import { CheckoutSession } from '@abona/api';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { PK_TEST } from '../helpers.js';
import { CARD_OK, counts, createSession, expectLedgerBalanced, setupBilling, type Json } from './helpers.js';

const COMPANY = {
  business: true,
  business_name: 'Exemplu SRL',
  address: { country: 'RO', line1: 'Bd. Eroilor 12', line2: 'Et. 3, ap. 7', city: 'Cluj-Napoca', postal_code: '400129' },
};

describe('checkout: the billing address', () => {
  it('keeps line 1, line 2 and city through create and update, and stores them on the new customer', async () => {
    const h = await setupBilling();
    const session = await createSession(h, { line_items: [{ price: h.catalog.monthly }], customer_details: { address: { country: 'RO' } } }, PK_TEST);
    const updated = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}`, { key: PK_TEST, body: { customer_details: COMPANY } });
    expect((updated.customer_details as Json).address).toEqual({ country: 'RO', state: null, postal_code: '400129', line1: 'Bd. Eroilor 12', line2: 'Et. 3, ap. 7', city: 'Cluj-Napoca' });
    expect(z.safeParse(CheckoutSession, updated).success).toBe(true);

    const done = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: { card: CARD_OK } } });
    expect(done.status).toBe('complete');
    const customer = await h.json<Json>('GET', `/v1/customers/${String(done.customer)}`);
    // An invoice to a business carries its address.
    expect(customer).toMatchObject({ name: 'Exemplu SRL', address: { line1: 'Bd. Eroilor 12', line2: 'Et. 3, ap. 7', city: 'Cluj-Napoca', postal_code: '400129', country: 'RO' } });
    h.close();
  });

  it('names the field of an address line that is too long (400, never 500)', async () => {
    const h = await setupBilling();
    const res = await h.call('POST', '/v1/checkout_sessions', { key: PK_TEST, body: { line_items: [{ price: h.catalog.monthly }], customer_details: { address: { country: 'RO', line1: 'x'.repeat(201) } } } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { param: string } }).error.param).toContain('line1');
    h.close();
  });
});

describe('checkout: a one-time purchase (every line item a one-time price)', () => {
  it('is a payment: charged once, no subscription, no "then" line, an invoice paid', async () => {
    const h = await setupBilling();
    const session = await createSession(h, { line_items: [{ price: h.catalog.setupFee, quantity: 2 }] }, PK_TEST);
    // 2 × 5000 = 10000 net; TVA 21 %: 2100; total 12100
    expect(session).toMatchObject({ mode: 'payment', amount_subtotal: 10000, amount_tax: 2100, amount_total: 12100, trial_end: null });
    expect((session.quote as { then: unknown }).then).toBe(null);
    expect(z.safeParse(CheckoutSession, session).success).toBe(true);

    const done = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: { card: CARD_OK } } });
    expect(done).toMatchObject({ status: 'complete', payment_status: 'paid', mode: 'payment', subscription: null });
    expect(done.invoice).toMatch(/^in_/);
    const invoice = await h.json<Json>('GET', `/v1/invoices/${String(done.invoice)}`);
    expect(invoice).toMatchObject({ status: 'paid', subtotal: 10000, tax: 2100, total: 12100, amount_paid: 12100, subscription: null });
    expect(await counts(h)).toMatchObject({ customers: 1, subscriptions: 0, invoices: 1, payments: 1 });
    await expectLedgerBalanced(h);
    h.close();
  });

  it('by bank transfer: pending with the transfer details until the money arrives, still no subscription', async () => {
    const h = await setupBilling();
    const session = await createSession(h, { line_items: [{ price: h.catalog.setupFee }] }, PK_TEST);
    const pending = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: { type: 'bank_transfer' } } });
    expect(pending).toMatchObject({ mode: 'payment', payment_status: 'processing', subscription: null });
    expect(pending.bank_transfer_instructions).toMatchObject({ reference: expect.any(String) });
    h.close();
  });

  it('a one-time fee next to a plan makes a subscription checkout', async () => {
    const h = await setupBilling();
    const session = await createSession(h, { line_items: [{ price: h.catalog.monthly }, { price: h.catalog.setupFee }] }, PK_TEST);
    expect(session.mode).toBe('subscription');
    h.close();
  });
});
