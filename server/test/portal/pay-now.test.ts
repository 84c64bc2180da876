import { describe, expect, it } from 'vitest';
import { expectLedgerBalanced } from '../checkout/helpers.js';
import { countRows, invoicesOf, iso, setupLifecycle, subscribe, type Json, type LifecycleHarness } from '../lifecycle/helpers.js';
import { portalToken } from './fixtures.js';

const START = Date.UTC(2026, 0, 1);

/**
 * A customer on a test clock whose renewal failed: subscribed with a good Visa, then a card that
 * attaches but declines every charge (0341) became the default, and the clock went past the
 * renewal and the first retry. The subscription is past_due with one open invoice.
 */
async function pastDue(h: LifecycleHarness) {
  h.clock.set(START);
  const clock = await h.json<Json>('POST', '/v1/test_helpers/test_clocks', { body: { frozen_time: iso(START) } });
  const customer = await h.json<Json>('POST', '/v1/customers', { body: { email: 'ana@example.ro', name: 'Ana', address: { country: 'RO' }, test_clock: clock.id } });
  const visa = await h.json<Json>('POST', `/v1/customers/${customer.id}/payment_methods`, { body: { token: 'tok_visa' } });
  const sub = await subscribe(h, customer.id, h.catalog.monthly);
  const failing = await h.json<Json>('POST', `/v1/customers/${customer.id}/payment_methods`, { body: { token: 'tok_chargeCustomerFail', set_default: true } });
  await h.json('POST', `/v1/test_helpers/test_clocks/${clock.id}/advance`, { body: { frozen_time: iso(Date.UTC(2026, 1, 3)) } });
  expect((await h.json<Json>('GET', `/v1/subscriptions/${sub.id}`)).status).toBe('past_due');
  const open = (await invoicesOf(h, sub.id)).find((i) => i.status === 'open');
  expect(open).toBeDefined();
  const token = await portalToken(h, customer.id);
  const portal = (method: string, path: string, body?: unknown) => h.call(method, `/v1/portal${path}`, { key: token, ...(body === undefined ? {} : { body }) });
  return { clock: clock.id as string, customer: customer.id as string, visa: visa.id as string, failing: failing.id as string, sub: sub.id as string, invoice: open!, portal };
}

const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Json });

describe('POST /v1/portal/invoices/:id/pay', () => {
  it('pays the open invoice of a past_due subscription with a chosen card: active again, retries stop, a receipt', async () => {
    const h = await setupLifecycle();
    const s = await pastDue(h);
    expect(s.invoice.attempt_count).toBe(2); // Feb 1 renewal + the day-1 retry, both on 0341
    const receipts = await countRows(h, 'emails', "template = 'receipt'");
    const paid = await json(await s.portal('POST', `/invoices/${s.invoice.id}/pay`, { payment_method: s.visa }));
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ object: 'invoice_payment', status: 'paid', next_action: null, invoice: { id: s.invoice.id, status: 'paid', amount_remaining: 0, amount_paid: s.invoice.total } });
    expect(paid.body.invoice).not.toHaveProperty('metadata');
    expect((await h.json<Json>('GET', `/v1/subscriptions/${s.sub}`)).status).toBe('active');
    expect(await countRows(h, 'emails', "template = 'receipt'")).toBe(receipts + 1);
    // No retry is left: days later the scheduler charges nothing more for it.
    const payments = await countRows(h, 'payments');
    await h.json('POST', `/v1/test_helpers/test_clocks/${s.clock}/advance`, { body: { frozen_time: iso(Date.UTC(2026, 1, 12)) } });
    expect(await countRows(h, 'payments')).toBe(payments);
    expect((await h.json<Json>('GET', `/v1/subscriptions/${s.sub}`)).status).toBe('active');
    // Paying again (a late double click) answers the paid invoice and charges nothing.
    const again = await json(await s.portal('POST', `/invoices/${s.invoice.id}/pay`, {}));
    expect(again.body).toMatchObject({ status: 'paid', invoice: { status: 'paid' } });
    expect(await countRows(h, 'payments')).toBe(payments);
    await expectLedgerBalanced(h);
    h.close();
  });

  it('a decline is a 402 with the decline code, and nothing else changes', async () => {
    const h = await setupLifecycle();
    const s = await pastDue(h);
    const before = { failedEmails: await countRows(h, 'emails', "template = 'payment_failed'"), sub: await h.json<Json>('GET', `/v1/subscriptions/${s.sub}`) };
    // The default is the declining card.
    const declined = await json(await s.portal('POST', `/invoices/${s.invoice.id}/pay`, {}));
    expect(declined.status).toBe(402);
    expect(declined.body).toMatchObject({ error: { type: 'card_error', code: 'card_declined', decline_code: 'card_declined', param: 'payment_method' } });
    const invoice = await h.json<Json>('GET', `/v1/invoices/${s.invoice.id}`);
    expect(invoice).toMatchObject({ status: 'open', amount_remaining: s.invoice.amount_remaining });
    const sub = await h.json<Json>('GET', `/v1/subscriptions/${s.sub}`);
    expect(sub.status).toBe('past_due');
    expect(sub.version).toBe(before.sub.version);
    // No dunning step and no "payment failed" email for a customer who is looking at the page.
    expect(await countRows(h, 'emails', "template = 'payment_failed'")).toBe(before.failedEmails);
    await expectLedgerBalanced(h);
    h.close();
  });

  it('3-D Secure: requires_action, then complete_payment; a failed challenge is a 402 and the invoice stays open', async () => {
    const h = await setupLifecycle();
    const s = await pastDue(h);
    const threeDs = await h.json<Json>('POST', `/v1/customers/${s.customer}/payment_methods`, { body: { token: 'tok_threeDSecureRequired' } });
    const first = await json(await s.portal('POST', `/invoices/${s.invoice.id}/pay`, { payment_method: threeDs.id }));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'requires_action', invoice: { status: 'open' }, next_action: { type: 'three_d_secure' } });
    const action = (first.body.next_action as Json).action_id as string;
    // A second click while the challenge is open finds the same attempt: the same challenge, no new charge.
    const twice = await json(await s.portal('POST', `/invoices/${s.invoice.id}/pay`, { payment_method: threeDs.id }));
    expect(twice.body).toMatchObject({ status: 'requires_action', next_action: { action_id: action } });
    expect((await s.portal('POST', `/invoices/${s.invoice.id}/complete_payment`, { action_id: 'pay_wrong' })).status).toBe(400);
    const failed = await json(await s.portal('POST', `/invoices/${s.invoice.id}/complete_payment`, { action_id: action, outcome: 'fail' }));
    expect(failed.status).toBe(402);
    expect(failed.body).toMatchObject({ error: { decline_code: 'authentication_failed' } });
    expect((await h.json<Json>('GET', `/v1/invoices/${s.invoice.id}`)).status).toBe('open');
    expect((await h.json<Json>('GET', `/v1/subscriptions/${s.sub}`)).status).toBe('past_due');

    const retry = await json(await s.portal('POST', `/invoices/${s.invoice.id}/pay`, { payment_method: threeDs.id }));
    const next = (retry.body.next_action as Json).action_id as string;
    expect(next).not.toBe(action);
    const done = await json(await s.portal('POST', `/invoices/${s.invoice.id}/complete_payment`, { action_id: next, outcome: 'complete' }));
    expect(done.body).toMatchObject({ status: 'paid', invoice: { status: 'paid', amount_remaining: 0 } });
    expect((await h.json<Json>('GET', `/v1/subscriptions/${s.sub}`)).status).toBe('active');
    await expectLedgerBalanced(h);
    h.close();
  });

  it('another customer’s invoice is a 404 and their card a 400; an unknown invoice is a 404, a paid one answers paid', async () => {
    const h = await setupLifecycle();
    const s = await pastDue(h);
    const other = await h.json<Json>('POST', '/v1/customers', { body: { email: 'bob@example.ro', address: { country: 'RO' } } });
    const bobCard = await h.json<Json>('POST', `/v1/customers/${other.id}/payment_methods`, { body: { token: 'tok_visa' } });
    const bob = await portalToken(h, other.id as string);
    expect((await h.call('POST', `/v1/portal/invoices/${s.invoice.id}/pay`, { key: bob, body: {} })).status).toBe(404);
    expect((await h.call('POST', `/v1/portal/invoices/${s.invoice.id}/complete_payment`, { key: bob, body: { action_id: 'x' } })).status).toBe(404);
    const foreignCard = await json(await s.portal('POST', `/invoices/${s.invoice.id}/pay`, { payment_method: bobCard.id }));
    expect(foreignCard.status).toBe(400);
    expect(foreignCard.body).toMatchObject({ error: { param: 'payment_method' } });
    expect((await s.portal('POST', `/invoices/${s.invoice.id}/pay`, { payment_method: 42 })).status).toBe(400);
    expect((await s.portal('POST', `/invoices/${s.invoice.id}/pay`, { surprise: true })).status).toBe(400);
    expect((await s.portal('POST', '/invoices/in_nope/pay', {})).status).toBe(404);
    const paidOne = (await invoicesOf(h, s.sub)).find((i) => i.status === 'paid')!;
    expect((await json(await s.portal('POST', `/invoices/${paidOne.id}/pay`, {}))).body).toMatchObject({ status: 'paid' });
    expect((await h.json<Json>('GET', `/v1/subscriptions/${s.sub}`)).status).toBe('past_due');
    h.close();
  });

  it('two concurrent clicks pay once', async () => {
    const h = await setupLifecycle();
    const s = await pastDue(h);
    const [a, b] = await Promise.all([
      s.portal('POST', `/invoices/${s.invoice.id}/pay`, { payment_method: s.visa }),
      s.portal('POST', `/invoices/${s.invoice.id}/pay`, { payment_method: s.visa }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([((await a.json()) as Json).status, ((await b.json()) as Json).status]).toEqual(['paid', 'paid']);
    expect(await countRows(h, 'payments', `invoice_id = '${s.invoice.id}' and status = 'succeeded'`)).toBe(1);
    const invoice = await h.json<Json>('GET', `/v1/invoices/${s.invoice.id}`);
    expect(invoice).toMatchObject({ status: 'paid', amount_paid: s.invoice.total });
    expect(await countRows(h, 'ledger_entries', `source_type = 'payment'`)).toBe(2 * (await countRows(h, 'payments', "status = 'succeeded'")));
    await expectLedgerBalanced(h);
    h.close();
  });

  it('two concurrent clicks with different cards: one charge, on the card of the attempt that started first, and no failed payment', async () => {
    const h = await setupLifecycle();
    const s = await pastDue(h);
    const mastercard = (await h.json<Json>('POST', `/v1/customers/${s.customer}/payment_methods`, { body: { token: 'tok_mastercard' } })).id as string;
    const [a, b] = await Promise.all([
      s.portal('POST', `/invoices/${s.invoice.id}/pay`, { payment_method: s.visa }),
      s.portal('POST', `/invoices/${s.invoice.id}/pay`, { payment_method: mastercard }),
    ]);
    expect([((await a.json()) as Json).status, ((await b.json()) as Json).status]).toEqual(['paid', 'paid']);
    expect(await h.json<Json>('GET', `/v1/invoices/${s.invoice.id}`)).toMatchObject({ status: 'paid', amount_paid: s.invoice.total, amount_remaining: 0 });
    const onSession = `invoice_id = '${s.invoice.id}' and off_session = 0`;
    expect(await countRows(h, 'payments', `${onSession} and status = 'succeeded'`)).toBe(1);
    expect(await countRows(h, 'payments', `${onSession} and status = 'failed'`)).toBe(0);
    await expectLedgerBalanced(h);
    h.close();
  });
});
