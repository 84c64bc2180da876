import { buildInvoice, createBuiltInTaxCalculator, type Invoice } from '@abona/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finalizationLegs, finalizeInvoice } from '../../src/billing/finalize.js';
import { creditBalance, findCustomer, insertBalanceTransaction } from '../../src/billing/repository.js';
import { defaultSeller } from '../../src/billing/seller.js';
import { createDb } from '../../src/db/client.js';
import { createDbSandboxStore } from '../../src/gateway/db-store.js';
import { createSandboxGateway } from '../../src/gateway/sandbox.js';
import { sequentialIds } from '../../src/ids/index.js';
import { accountBalance, balancedLegs, postJournal } from '../../src/ledger/post.js';
import { recordEvent } from '../../src/events/record.js';
import { createServices } from '../../src/services.js';
import { counts, expectLedgerBalanced, NOW_MS, setupBilling, type Json } from '../checkout/helpers.js';

const roTax = createBuiltInTaxCalculator({ seller: defaultSeller.tax, customer: { country: 'RO', business: false } });

function invoiceOf(amounts: number[], creditBalanceMinor = 0, periods = true): Invoice {
  return buildInvoice(
    {
      currency: 'EUR',
      atMs: NOW_MS,
      creditBalance: creditBalanceMinor,
      lines: amounts.map((amount, i) => ({
        kind: amount < 0 ? 'proration' : 'subscription',
        description: `line ${i}`,
        amount,
        quantity: 1,
        taxBehavior: 'exclusive',
        ...(periods && i % 2 === 0 ? { period: { startMs: NOW_MS, endMs: NOW_MS + 86_400_000 * 30 } } : {}),
      })),
    },
    roTax,
  );
}

describe('ledger', () => {
  it('refuses unbalanced journals and posts a journal once', async () => {
    expect(() => balancedLegs([{ account: 'cash', amount: 100, currency: 'EUR' }, { account: 'revenue', amount: -99, currency: 'EUR' }])).toThrow(/does not balance/);
    const { db, close } = await createDb(':memory:');
    const legs = [
      { account: 'cash' as const, amount: 100, currency: 'EUR' },
      { account: 'accounts_receivable' as const, amount: -100, currency: 'EUR' },
    ];
    const input = { livemode: false, entryKeyPrefix: 'payment.succeeded:pay_1', legs, sourceType: 'payment', sourceId: 'pay_1', effectiveAtMs: NOW_MS };
    expect(await db.transaction((tx) => postJournal(tx, input))).not.toBeNull();
    expect(await db.transaction((tx) => postJournal(tx, input))).toBeNull();
    expect(await accountBalance(db, false, 'cash')).toEqual({ EUR: 100 });
    // Test and live books are separate.
    expect(await accountBalance(db, true, 'cash')).toEqual({});
    close();
  });

  it('finalization legs balance for any lines and credit (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50_000, max: 50_000 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 100_000 }), fc.boolean(), (amounts, credit, periods) => {
        const invoice = invoiceOf(amounts, credit, periods);
        const legs = finalizationLegs(invoice, 'cus_1');
        expect(legs.reduce((sum, leg) => sum + leg.amount, 0)).toBe(0);
        // Receivable is exactly what will be charged.
        expect(legs.find((l) => l.account === 'accounts_receivable')?.amount).toBe(invoice.amountDue);
      }),
    );
  });
});

describe('finalizeInvoice and payInvoice', () => {
  it('finalizes once per dedupe key, numbers sequentially, uses and generates credit', async () => {
    const h = await setupBilling();
    const customer = await h.json<Json>('POST', '/v1/customers', { body: { email: 'c@example.ro', address: { country: 'RO' } } });
    const row = await findCustomer(h.db, false, customer.id);
    if (!row) throw new Error('customer missing');
    // A negative invoice (credit for unused time) generates customer credit…
    const refund = await h.db.transaction((tx) =>
      finalizeInvoice(tx, { livemode: false, customer: row, billingReason: 'subscription_update', dedupeKey: 'k1', invoice: invoiceOf([-1000]), atMs: NOW_MS, seller: defaultSeller, ids: h.ids }),
    );
    expect(refund.invoice).toMatchObject({ status: 'paid', number: 'ABONA-000001', total: -1210, amountDue: 0 });
    // −1000 − 21 % TVA (210) = −1210 of credit
    expect(await creditBalance(h.db, false, customer.id, 'EUR')).toBe(1210);
    const again = await h.db.transaction((tx) =>
      finalizeInvoice(tx, { livemode: false, customer: row, billingReason: 'subscription_update', dedupeKey: 'k1', invoice: invoiceOf([-1000]), atMs: NOW_MS, seller: defaultSeller, ids: h.ids }),
    );
    expect(again).toMatchObject({ created: false, invoice: { id: refund.invoice.id } });
    expect(await creditBalance(h.db, false, customer.id, 'EUR')).toBe(1210);

    // …which the next invoice uses: 2900 + 609 = 3509 − 1210 credit = 2299 due.
    const next = await h.db.transaction((tx) =>
      finalizeInvoice(tx, { livemode: false, customer: row, billingReason: 'manual', invoice: invoiceOf([2900], 1210), atMs: NOW_MS, seller: defaultSeller, ids: h.ids }),
    );
    expect(next.invoice).toMatchObject({ number: 'ABONA-000002', status: 'open', creditApplied: 1210, amountDue: 2299 });
    expect(await creditBalance(h.db, false, customer.id, 'EUR')).toBe(0);
    await expectLedgerBalanced(h);

    const services = createServices({ db: h.db, clock: h.clock, ids: h.ids });
    const none = await services.billing.payInvoice({ livemode: false, invoice: next.invoice.id, offSession: true });
    expect(none.outcome).toBe('no_payment_method');

    // A card that declines off-session: failed, attempt counted, invoice open; a good card then pays.
    await h.json('POST', `/v1/customers/${customer.id}/payment_methods`, { body: { token: 'tok_chargeCustomerFail' } });
    const failed = await services.billing.payInvoice({ livemode: false, invoice: next.invoice.id, offSession: true });
    expect(failed).toMatchObject({ outcome: 'failed', invoice: { status: 'open', attemptCount: 1 }, payment: { declineCode: 'card_declined' } });
    const good = await h.json<Json>('POST', `/v1/customers/${customer.id}/payment_methods`, { body: { token: 'tok_visa', set_default: true } });
    const paid = await services.billing.payInvoice({ livemode: false, invoice: next.invoice.id, offSession: true });
    expect(paid).toMatchObject({ outcome: 'paid', invoice: { status: 'paid', amountPaid: 2299, attemptCount: 2 }, payment: { paymentMethodId: good.id, amount: 2299 } });
    expect(await services.billing.payInvoice({ livemode: false, invoice: next.invoice.id, offSession: true })).toMatchObject({ outcome: 'already_paid' });
    expect(await accountBalance(h.db, false, 'cash')).toEqual({ EUR: 2299 });
    expect(await accountBalance(h.db, false, 'accounts_receivable')).toEqual({ EUR: 0 });
    expect((await counts(h)).payments).toBe(2);
    await expectLedgerBalanced(h);
    h.close();
  });

  it('concurrent payInvoice calls on one invoice charge it once', async () => {
    const h = await setupBilling();
    const customer = await h.json<Json>('POST', '/v1/customers', { body: { address: { country: 'RO' } } });
    await h.json('POST', `/v1/customers/${customer.id}/payment_methods`, { body: { token: 'tok_visa' } });
    const row = await findCustomer(h.db, false, customer.id);
    if (!row) throw new Error('customer missing');
    const { invoice } = await h.db.transaction((tx) =>
      finalizeInvoice(tx, { livemode: false, customer: row, billingReason: 'manual', invoice: invoiceOf([2900]), atMs: NOW_MS, seller: defaultSeller, ids: h.ids }),
    );
    const services = createServices({ db: h.db, clock: h.clock, ids: h.ids });
    const results = await Promise.all(Array.from({ length: 10 }, () => services.billing.payInvoice({ livemode: false, invoice: invoice.id, offSession: true })));
    expect(results.filter((r) => r.outcome === 'paid').length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.outcome === 'paid' || r.outcome === 'already_paid')).toBe(true);
    const payments = await h.db.query.payments.findMany();
    expect(payments).toHaveLength(1);
    expect(await accountBalance(h.db, false, 'cash')).toEqual({ EUR: 3509 });
    // The gateway saw one charge too.
    const gatewayPayments = (await h.db.query.gatewayRecords.findMany()).filter((r) => r.tableName === 'payments');
    expect(gatewayPayments).toHaveLength(1);
    h.close();
  });

  it('a SEPA debit on an invoice is processing, then settles paid', async () => {
    const h = await setupBilling();
    const customer = await h.json<Json>('POST', '/v1/customers', { body: { address: { country: 'DE' } } });
    const services = createServices({ db: h.db, clock: h.clock, ids: h.ids });
    const token = await h.json<Json>('POST', '/v1/payment_methods/tokenize', { body: { sepa_debit: { iban: 'DE89370400440532013000' } } });
    await h.json('POST', `/v1/customers/${customer.id}/payment_methods`, { body: { token: token.id } });
    const row = await findCustomer(h.db, false, customer.id);
    if (!row) throw new Error('customer missing');
    const { invoice } = await h.db.transaction((tx) =>
      finalizeInvoice(tx, { livemode: false, customer: row, billingReason: 'manual', invoice: invoiceOf([1000]), atMs: NOW_MS, seller: defaultSeller, ids: h.ids }),
    );
    const started = await services.billing.payInvoice({ livemode: false, invoice: invoice.id, offSession: true });
    expect(started.outcome).toBe('processing');
    // Paying again while it settles does not charge twice.
    expect((await services.billing.payInvoice({ livemode: false, invoice: invoice.id, offSession: true })).outcome).toBe('processing');
    const report = await services.billing.settlePending(NOW_MS + 3 * 86_400_000);
    expect(report.paymentsSucceeded).toHaveLength(1);
    const paid = await h.json<Json>('GET', `/v1/invoices/${invoice.id}`);
    expect(paid.status).toBe('paid');
    expect((await h.db.query.payments.findMany()).map((p) => p.status)).toEqual(['succeeded']);
    await expectLedgerBalanced(h);
    h.close();
  });
});

describe('outbox and the database-backed sandbox', () => {
  it('recordEvent writes one event per dedupe key', async () => {
    const { db, close } = await createDb(':memory:');
    const input = { livemode: false, type: 'invoice.paid', data: { id: 'in_1' }, dedupeKey: 'invoice.paid:in_1', atMs: NOW_MS };
    expect(await db.transaction((tx) => recordEvent(tx, input))).toBe(true);
    expect(await db.transaction((tx) => recordEvent(tx, { ...input, data: { id: 'changed' } }))).toBe(false);
    const rows = await db.query.events.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.data).toEqual({ object: { id: 'in_1' } });
    close();
  });

  it('sandbox state survives a new gateway over the same database, and idempotent charges stay single', async () => {
    const { db, close } = await createDb(':memory:');
    const clock = { now: () => NOW_MS };
    const first = createSandboxGateway({ store: createDbSandboxStore(db), clock, ids: sequentialIds() });
    const { token } = await first.tokenizeCard({ number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' });
    const method = await first.attachPaymentMethod({ customerRef: 'cus_a', paymentMethodToken: token });
    const charge = { amountMinor: 500, currency: 'EUR', paymentMethodId: method.id, customerRef: 'cus_a', offSession: true, idempotencyKey: 'abona:test:1' };
    const results = await Promise.all(Array.from({ length: 20 }, () => first.charge(charge)));
    expect(new Set(results.map((r) => r.paymentId)).size).toBe(1);
    const second = createSandboxGateway({ store: createDbSandboxStore(db), clock, ids: sequentialIds() });
    expect(await second.retrievePayment(results[0]?.paymentId ?? '')).toMatchObject({ status: 'succeeded', amountMinor: 500 });
    await expect(second.attachPaymentMethod({ customerRef: 'cus_a', paymentMethodToken: token })).rejects.toThrow(/more than once/);
    close();
  });

  it('a customer balance movement is recorded once per dedupe key', async () => {
    const h = await setupBilling();
    const row = { id: 'cbtxn_1', livemode: false, createdAt: NOW_MS, customerId: 'cus_x', currency: 'EUR', amount: 500, type: 'adjustment' as const, dedupeKey: 'adj:1' };
    await insertBalanceTransaction(h.db, row);
    await insertBalanceTransaction(h.db, { ...row, id: 'cbtxn_2' });
    expect(await creditBalance(h.db, false, 'cus_x', 'EUR')).toBe(500);
    expect(await creditBalance(h.db, true, 'cus_x', 'EUR')).toBe(0);
    h.close();
  });
});
