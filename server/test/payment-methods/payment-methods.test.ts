import { describe, expect, it } from 'vitest';
import { PK_LIVE, PK_TEST, SK_LIVE } from '../helpers.js';
import { CARD_DECLINED, CARD_OK, createSession, setupBilling, type Json } from '../checkout/helpers.js';

type ErrorBody = { error: { type: string; code: string; param: string | null; decline_code?: string } };

describe('payment methods', () => {
  it('tokenize (publishable key, test mode) returns a token and the card summary only', async () => {
    const h = await setupBilling();
    const token = await h.json<Json>('POST', '/v1/payment_methods/tokenize', { key: PK_TEST, body: { card: CARD_OK } });
    expect(token).toMatchObject({ object: 'token', type: 'card', card: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030 } });
    expect(JSON.stringify(token)).not.toContain('4242424242424242');
    const live = await h.json<ErrorBody>('POST', '/v1/payment_methods/tokenize', { key: PK_LIVE, body: { card: CARD_OK } }, 400);
    expect(live.error.code).toBe('test_mode_only');
    const bad = await h.json<ErrorBody>('POST', '/v1/payment_methods/tokenize', { key: PK_TEST, body: { card: { ...CARD_OK, exp_month: 13 } } }, 400);
    expect(bad.error.param).toBe('card[exp_month]');

    // The token confirms a checkout, once.
    const session = await createSession(h, { line_items: [{ price: h.catalog.monthly }] }, PK_TEST);
    const done = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: { token: token.id } } });
    expect(done.status).toBe('complete');
    // The card number is nowhere in the database.
    const dump = JSON.stringify(await h.db.query.gatewayRecords.findMany()) + JSON.stringify(await h.db.query.paymentMethods.findMany());
    expect(dump).not.toContain('4242424242424242');
    h.close();
  });

  it('attach, list, set default, detach; the last method of a subscribed customer cannot go', async () => {
    const h = await setupBilling();
    const session = await createSession(h, { line_items: [{ price: h.catalog.monthly }] }, PK_TEST);
    const done = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: 'tok_visa' } });
    const customer = String(done.customer);
    const [first] = (await h.json<{ data: Json[] }>('GET', `/v1/customers/${customer}/payment_methods`)).data;
    if (!first) throw new Error('no method');

    const refused = await h.json<ErrorBody>('DELETE', `/v1/customers/${customer}/payment_methods/${first.id}`, {}, 400);
    expect(refused.error.param).toBe('payment_method');

    const second = await h.json<Json>('POST', `/v1/customers/${customer}/payment_methods`, { body: { card: { ...CARD_OK, number: '5555555555554444' } } });
    expect(second).toMatchObject({ type: 'card', card: { brand: 'mastercard', last4: '4444' }, default: false, off_session_ready: true });
    const made = await h.json<Json>('POST', `/v1/customers/${customer}/payment_methods/${second.id}/default`);
    expect(made.default).toBe(true);
    const list = await h.json<{ data: Json[] }>('GET', `/v1/customers/${customer}/payment_methods`);
    expect(list.data.map((m) => [m.id, m.default])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
    await h.json('DELETE', `/v1/customers/${customer}/payment_methods/${second.id}`);
    const after = await h.json<{ data: Json[] }>('GET', `/v1/customers/${customer}/payment_methods`);
    expect(after.data.map((m) => [m.id, m.default])).toEqual([[first.id, true]]);
    expect((await h.call('DELETE', `/v1/customers/${customer}/payment_methods/${second.id}`)).status).toBe(404);
    h.close();
  });

  it('a card declined at set-up is a 402 and is not kept; raw cards are refused in live mode', async () => {
    const h = await setupBilling();
    const customer = await h.json<Json>('POST', '/v1/customers', { body: { email: 'x@example.com' } });
    const declined = await h.json<ErrorBody>('POST', `/v1/customers/${customer.id}/payment_methods`, { body: { card: CARD_DECLINED } }, 402);
    expect(declined.error).toMatchObject({ type: 'card_error', decline_code: 'card_declined', param: 'card' });
    expect((await h.json<{ data: Json[] }>('GET', `/v1/customers/${customer.id}/payment_methods`)).data).toEqual([]);
    // With no subscription, the only method may be detached.
    const pm = await h.json<Json>('POST', `/v1/customers/${customer.id}/payment_methods`, { body: { token: 'tok_mastercard' } });
    expect(pm.default).toBe(true);
    await h.json('DELETE', `/v1/customers/${customer.id}/payment_methods/${pm.id}`);

    const liveCustomer = await h.json<Json>('POST', '/v1/customers', { key: SK_LIVE, body: {} });
    const live = await h.json<ErrorBody>('POST', `/v1/customers/${liveCustomer.id}/payment_methods`, { key: SK_LIVE, body: { card: CARD_OK } }, 400);
    expect(live.error.param).toBe('card');
    // Test-mode customers are invisible to live keys.
    expect((await h.call('GET', `/v1/customers/${customer.id}/payment_methods`, { key: SK_LIVE })).status).toBe(404);
    h.close();
  });
});
