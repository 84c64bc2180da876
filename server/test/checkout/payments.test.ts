import { describe, expect, it } from 'vitest';
import { PK_TEST } from '../helpers.js';
import { CARD_3DS, CARD_DECLINED, CARD_NO_FUNDS, CARD_OK, counts, createSession, expectLedgerBalanced, setupBilling, type Json } from './helpers.js';

type ErrorBody = { error: { type: string; code: string; decline_code?: string; param: string | null; message: string } };

describe('checkout: declines leave nothing behind', () => {
  it.each([
    ['card_declined', CARD_DECLINED],
    ['insufficient_funds', CARD_NO_FUNDS],
  ])('%s → 402 card_error on payment_method, no customer, subscription, invoice or payment method', async (declineCode, card) => {
    const h = await setupBilling();
    const session = await createSession(h, { line_items: [{ price: h.catalog.monthly }] }, PK_TEST);
    const before = await counts(h);
    const body = await h.json<ErrorBody>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: { card } } }, 402);
    expect(body.error).toMatchObject({ type: 'card_error', code: 'card_declined', decline_code: declineCode, param: 'payment_method' });
    expect(await counts(h)).toEqual(before);
    expect(before).toMatchObject({ customers: 0, subscriptions: 0, invoices: 0, payment_methods: 0, payments: 0 });

    // The session stays open with the reason, and a good card then completes it.
    const open = await h.json<Json>('GET', `/v1/checkout_sessions/${session.id}`, { key: PK_TEST });
    expect(open).toMatchObject({ status: 'open', payment_status: 'unpaid', last_payment_error: { decline_code: declineCode } });
    const done = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: { card: CARD_OK } } });
    expect(done).toMatchObject({ status: 'complete', payment_status: 'paid', last_payment_error: null });
    expect(await counts(h)).toMatchObject({ customers: 1, subscriptions: 1, invoices: 1, payment_methods: 1, payments: 1 });
    await expectLedgerBalanced(h);
    h.close();
  });

  it('a wallet that declines (tok_wallet_declined) is a 402 too', async () => {
    const h = await setupBilling();
    const session = await createSession(h, { line_items: [{ price: h.catalog.monthly }] });
    const body = await h.json<ErrorBody>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { body: { payment_method: 'tok_wallet_declined' } }, 402);
    expect(body.error.decline_code).toBe('card_declined');
    expect((await counts(h)).customers).toBe(0);
    h.close();
  });
});

describe('checkout: 3-D Secure (4000 0025 0000 3155)', () => {
  it('requires action, then completes when the challenge succeeds; the card is ready for renewals', async () => {
    const h = await setupBilling();
    const session = await createSession(h, { line_items: [{ price: h.catalog.monthly }] }, PK_TEST);
    const waiting = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: { card: CARD_3DS } } });
    expect(waiting).toMatchObject({ status: 'open', payment_status: 'requires_action' });
    const action = waiting.next_action as { type: string; action_id: string; client_secret: string };
    expect(action.type).toBe('three_d_secure');
    expect((await counts(h)).customers).toBe(0);

    const wrong = await h.json<ErrorBody>('POST', `/v1/checkout_sessions/${session.id}/complete_action`, { key: PK_TEST, body: { action_id: 'pay_nope', outcome: 'complete' } }, 400);
    expect(wrong.error.param).toBe('action_id');

    const done = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}/complete_action`, { key: PK_TEST, body: { action_id: action.action_id, outcome: 'complete' } });
    expect(done).toMatchObject({ status: 'complete', payment_status: 'paid', next_action: null });
    const methods = await h.json<{ data: Json[] }>('GET', `/v1/customers/${String(done.customer)}/payment_methods`);
    expect(methods.data[0]).toMatchObject({ off_session_ready: true, card: { last4: '3155' } });
    await expectLedgerBalanced(h);
    h.close();
  });

  it('a failed challenge is a 402 authentication_failed and leaves nothing behind', async () => {
    const h = await setupBilling();
    const session = await createSession(h, { line_items: [{ price: h.catalog.monthly }] }, PK_TEST);
    const waiting = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: { card: CARD_3DS } } });
    const action = waiting.next_action as { action_id: string };
    const before = await counts(h);
    const body = await h.json<ErrorBody>('POST', `/v1/checkout_sessions/${session.id}/complete_action`, { key: PK_TEST, body: { action_id: action.action_id, outcome: 'fail' } }, 402);
    expect(body.error).toMatchObject({ type: 'card_error', decline_code: 'authentication_failed', param: 'payment_method' });
    expect(await counts(h)).toEqual(before);
    expect(before.customers).toBe(0);
    const open = await h.json<Json>('GET', `/v1/checkout_sessions/${session.id}`, { key: PK_TEST });
    expect(open).toMatchObject({ status: 'open', payment_status: 'unpaid', next_action: null });
    h.close();
  });
});

describe('checkout: wallets and bank transfers', () => {
  it('tok_apple_pay pays like a card and is saved as an apple_pay method', async () => {
    const h = await setupBilling();
    const session = await createSession(h, { line_items: [{ price: h.catalog.monthly }] }, PK_TEST);
    const done = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: 'tok_apple_pay' } });
    expect(done.status).toBe('complete');
    const methods = await h.json<{ data: Json[] }>('GET', `/v1/customers/${String(done.customer)}/payment_methods`);
    expect(methods.data[0]).toMatchObject({ type: 'apple_pay' });
    await expectLedgerBalanced(h);
    h.close();
  });

  it('a bank transfer waits with instructions and completes when the gateway settles', async () => {
    const h = await setupBilling();
    const session = await createSession(h, { line_items: [{ price: h.catalog.monthly }] }, PK_TEST);
    const waiting = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: { type: 'bank_transfer' } } });
    expect(waiting).toMatchObject({ status: 'open', payment_status: 'processing' });
    expect(waiting.bank_transfer_instructions).toMatchObject({ currency: 'EUR', iban: expect.any(String), reference: expect.stringMatching(/^AB/) });
    expect((await counts(h)).customers).toBe(0);
    // Confirming again while it settles changes nothing.
    const again = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: { type: 'bank_transfer' } } });
    expect(again.payment_status).toBe('processing');

    const { createServices } = await import('../../src/services.js');
    const services = createServices({ db: h.db, clock: h.clock, ids: h.ids });
    // Transfers settle a day later in the sandbox.
    expect((await services.billing.settlePending(h.clock.now() + 3_600_000)).checkoutSessionsCompleted).toEqual([]);
    const report = await services.billing.settlePending(h.clock.now() + 86_400_000);
    expect(report.checkoutSessionsCompleted).toEqual([session.id]);
    const done = await h.json<Json>('GET', `/v1/checkout_sessions/${session.id}`, { key: PK_TEST });
    expect(done).toMatchObject({ status: 'complete', payment_status: 'paid' });
    expect(await counts(h)).toMatchObject({ customers: 1, subscriptions: 1, invoices: 1, payments: 1 });
    await expectLedgerBalanced(h);
    h.close();
  });
});
