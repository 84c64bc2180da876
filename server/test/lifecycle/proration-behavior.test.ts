import { describe, expect, it } from 'vitest';
import { accountBalance } from '../../src/ledger/post.js';
import { expectLedgerBalanced, NOW_MS } from '../checkout/helpers.js';
import { customerWith, DAY_MS, invoicesOf, setupLifecycle, subscribe, type Json, type LifecycleHarness } from './helpers.js';

/*
 * Every case: Pro €29.00/seat/month from Jan 15 12:00 2026 (period to Feb 15 12:00, 31 days),
 * changed on Jan 25 12:00, 21 of 31 days before the period end, 21 % RO VAT per line (half-up).
 *   one seat's unused time:  2900 · 21/31 = 1964.52 → 1965, VAT 412.65 → 413
 *   two seats' rest:         5800 · 21/31 = 3929.03 → 3929, VAT 825.09 → 825
 * The renewal on Feb 15 is billed by the billing run at 13:00.
 */
const RENEWAL_MS = Date.UTC(2026, 1, 15, 13);

type Line = [kind: unknown, amount: unknown, tax: unknown];
const linesOf = (invoice: Json | undefined): Line[] => ((invoice?.lines as { data: Json[] } | undefined)?.data ?? []).map((l) => [l.kind, l.amount, (l.taxes as { amount: number }[]).reduce((s, t) => s + t.amount, 0)]);
const totalsOf = (invoice: Json | undefined) => [invoice?.subtotal, invoice?.tax, invoice?.total, invoice?.amount_due];

async function changeSeats(h: LifecycleHarness, from: number, to: number, behavior: 'create_prorations' | 'always_invoice' | 'none') {
  h.clock.set(NOW_MS);
  const { customer } = await customerWith(h, 'tok_visa');
  const sub = await subscribe(h, customer, h.catalog.monthly, { items: [{ price: h.catalog.monthly, quantity: from }] });
  h.clock.set(NOW_MS + 10 * DAY_MS);
  const change = await h.json<Json>('POST', `/v1/subscriptions/${sub.id}`, { body: { items: [{ price: h.catalog.monthly, quantity: to }], proration_behavior: behavior } });
  const byReason = async (reason: string) => (await invoicesOf(h, sub.id)).find((i) => i.billing_reason === reason);
  return { customer, sub, change, byReason };
}

describe('proration_behavior on an immediate change', () => {
  it('seat increase 1 → 2: create_prorations waits for the renewal, always_invoice bills now, none bills nothing', async () => {
    const h = await setupLifecycle();

    const created = await changeSeats(h, 1, 2, 'create_prorations');
    expect(created.change).toMatchObject({ status: 'applied', kind: 'seat_increase', invoice: null });
    const upcoming = await h.json<Json>('GET', `/v1/subscriptions/${created.sub.id}/upcoming_invoice`);
    await h.services.lifecycle.runDue({ nowMs: RENEWAL_MS });
    const carried = await created.byReason('subscription_cycle');
    // −1965 + 3929 + 5800 = 7764; VAT −413 + 825 + 1218 = 1630; 9394.
    expect(linesOf(carried)).toEqual([['proration', -1965, -413], ['proration', 3929, 825], ['subscription', 5800, 1218]]);
    expect(totalsOf(carried)).toEqual([7764, 1630, 9394, 9394]);
    expect(totalsOf(upcoming)).toEqual(totalsOf(carried));

    const invoiced = await changeSeats(h, 1, 2, 'always_invoice');
    expect(invoiced.change).toMatchObject({ status: 'applied', kind: 'seat_increase' });
    const now = await invoiced.byReason('subscription_update');
    expect(invoiced.change.invoice).toBe(now?.id);
    // −1965 + 3929 = 1964; VAT −413 + 825 = 412; 2376, paid at once.
    expect(linesOf(now)).toEqual([['proration', -1965, -413], ['proration', 3929, 825]]);
    expect(totalsOf(now)).toEqual([1964, 412, 2376, 2376]);
    expect(now).toMatchObject({ status: 'paid', amount_paid: 2376 });
    await h.services.lifecycle.runDue({ nowMs: RENEWAL_MS });
    // The renewal is two plain seats: 5800 + 1218 = 7018.
    expect(linesOf(await invoiced.byReason('subscription_cycle'))).toEqual([['subscription', 5800, 1218]]);
    expect(totalsOf(await invoiced.byReason('subscription_cycle'))).toEqual([5800, 1218, 7018, 7018]);

    const none = await changeSeats(h, 1, 2, 'none');
    expect(none.change).toMatchObject({ status: 'applied', invoice: null });
    await h.services.lifecycle.runDue({ nowMs: RENEWAL_MS });
    expect(await none.byReason('subscription_update')).toBeUndefined();
    expect(linesOf(await none.byReason('subscription_cycle'))).toEqual([['subscription', 5800, 1218]]);
    await expectLedgerBalanced(h);
    h.close();
  });

  it('a seat decrease applied now gives a credit: carried onto the next invoice, or (always_invoice) into the credit balance', async () => {
    const h = await setupLifecycle();
    await h.json('POST', '/v1/settings/billing', { body: { plan_change_policy: { seat_decrease: 'now' } } });

    const carried = await changeSeats(h, 2, 1, 'create_prorations');
    expect(carried.change).toMatchObject({ status: 'applied', kind: 'seat_decrease', invoice: null });
    await h.services.lifecycle.runDue({ nowMs: RENEWAL_MS });
    // −3929 + 1965 + 2900 = 936; VAT −825 + 413 + 609 = 197; 1133.
    const renewal = await carried.byReason('subscription_cycle');
    expect(linesOf(renewal)).toEqual([['proration', -3929, -825], ['proration', 1965, 413], ['subscription', 2900, 609]]);
    expect(totalsOf(renewal)).toEqual([936, 197, 1133, 1133]);

    const credited = await changeSeats(h, 2, 1, 'always_invoice');
    const now = await credited.byReason('subscription_update');
    // −3929 + 1965 = −1964; VAT −825 + 413 = −412; −2376: nothing due, 2376 to the credit balance.
    expect(credited.change).toMatchObject({ status: 'applied', kind: 'seat_decrease', invoice: now?.id });
    expect(totalsOf(now)).toEqual([-1964, -412, -2376, 0]);
    const credit = async () => (await accountBalance(h.db, false, 'customer_credit', credited.customer)).EUR ?? 0;
    expect(await credit()).toBe(-2376);
    await h.services.lifecycle.runDue({ nowMs: RENEWAL_MS });
    // One seat 2900 + 609 = 3509, of which 2376 is paid by the credit: 1133 due, as when carried.
    expect(await credited.byReason('subscription_cycle')).toMatchObject({ subtotal: 2900, tax: 609, total: 3509, credit_applied: 2376, amount_due: 1133, amount_paid: 1133, status: 'paid' });
    expect(await credit()).toBe(0);
    await expectLedgerBalanced(h);
    h.close();
  });
});
