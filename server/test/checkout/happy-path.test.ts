import { CheckoutSession, InvoiceWire, PaymentMethodWire, SubscriptionWire } from '@abona/api';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { PK_TEST } from '../helpers.js';
import { CARD_OK, counts, createSession, expectLedgerBalanced, setupBilling, type Json } from './helpers.js';

describe('checkout: a Romanian consumer buys Pro monthly in EUR', () => {
  it('quotes TVA 21 %, confirms with a test card, and the invoice agrees with the quote', async () => {
    const h = await setupBilling();
    const session = await createSession(h, { line_items: [{ price: h.catalog.monthly, quantity: 1 }] }, PK_TEST);
    expect(session.status).toBe('open');
    const quote = session.quote as { lines: { taxes: { label: string; rate_percent: string; amount: number }[] }[]; tax: number; total: number; amount_due: number };
    // 2900 net; TVA 21 %: 2900 × 0.21 = 609; total 3509
    expect(quote.lines[0]?.taxes[0]).toMatchObject({ label: 'TVA 21%', rate_percent: '21', amount: 609 });
    expect(session).toMatchObject({ amount_subtotal: 2900, amount_tax: 609, amount_total: 3509 });

    const done = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: { card: CARD_OK } } });
    expect(done).toMatchObject({ status: 'complete', payment_status: 'paid' });
    expect(done.customer).toMatch(/^cus_/);
    expect(done.subscription).toMatch(/^sub_/);
    expect(done.invoice).toMatch(/^in_/);

    const invoice = await h.json<Json>('GET', `/v1/invoices/${String(done.invoice)}`);
    expect(invoice).toMatchObject({ status: 'paid', subtotal: 2900, tax: 609, total: 3509, amount_paid: 3509, amount_remaining: 0, number: 'ABONA-000001', billing_reason: 'subscription_create' });
    const lines = (invoice.lines as { data: { taxes: { label: string; amount: number }[]; total_amount: number }[] }).data;
    expect(lines[0]?.taxes[0]).toMatchObject({ label: 'TVA 21%', amount: 609 });
    expect(lines[0]?.total_amount).toBe(3509);

    const sub = await h.json<Json>('GET', `/v1/subscriptions/${String(done.subscription)}`);
    expect(sub).toMatchObject({ status: 'active', customer: done.customer, latest_invoice: done.invoice, cancel_at_period_end: false });
    // 2026-01-15T12:00Z + 1 month
    expect(sub.current_period_end).toBe('2026-02-15T12:00:00.000Z');

    const methods = await h.json<{ data: Json[] }>('GET', `/v1/customers/${String(done.customer)}/payment_methods`);
    expect(methods.data).toHaveLength(1);
    expect(methods.data[0]).toMatchObject({ type: 'card', card: { brand: 'visa', last4: '4242' }, default: true });

    // Confirming again returns the complete session and charges nothing more.
    const before = await counts(h);
    const again = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: { card: CARD_OK } } });
    expect(again).toMatchObject({ status: 'complete', invoice: done.invoice });
    expect(await counts(h)).toEqual(before);
    expect(before).toMatchObject({ customers: 1, subscriptions: 1, invoices: 1, payments: 1, payment_methods: 1 });
    await expectLedgerBalanced(h);

    // Answers match the published wire schemas exactly (strict objects: no extra, none missing).
    expect(z.safeParse(CheckoutSession, session).success).toBe(true);
    expect(z.safeParse(CheckoutSession, done).success).toBe(true);
    expect(z.safeParse(InvoiceWire, invoice).success).toBe(true);
    expect(z.safeParse(SubscriptionWire, sub).success).toBe(true);
    expect(z.safeParse(PaymentMethodWire, methods.data[0]).success).toBe(true);

    const events = await h.db.query.events.findMany();
    expect(events.map((e) => e.type).sort()).toEqual(
      ['checkout.session.completed', 'customer.created', 'customer.subscription.created', 'invoice.finalized', 'invoice.paid', 'payment.succeeded', 'payment_method.attached'].sort(),
    );
    h.close();
  });
});
