import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { creditNotes, customerBalanceTransactions } from '../../src/db/schema.js';
import { accountBalance } from '../../src/ledger/post.js';
import { expectLedgerBalanced, NOW_MS } from '../checkout/helpers.js';
import { portalToken } from '../portal/fixtures.js';
import { countRows, customerWith, DAY_MS, HOUR_MS, invoicesOf, setupLifecycle, subscribe, type LifecycleHarness } from './helpers.js';

/** The customer's balance of each account that revenue touches, in EUR minor units (debit positive). */
async function books(h: LifecycleHarness, customer: string) {
  const of = async (account: Parameters<typeof accountBalance>[2]) => (await accountBalance(h.db, false, account, customer)).EUR ?? 0;
  return {
    deferred: await of('deferred_revenue'),
    revenue: await of('revenue'),
    tax: await of('tax_payable'),
    credit: await of('customer_credit'),
    receivable: await of('accounts_receivable'),
  };
}

describe('revenue recognition reversed by credits and voids', () => {
  it('cancel now with a prorated credit: the credited days are released from deferred revenue, the delivered ones are revenue, once', async () => {
    const h = await setupLifecycle();
    const { customer } = await customerWith(h, 'tok_visa');
    // Pro €29.00 + 21 % RO VAT = 3509, paid; service Jan 15 12:00 → Feb 15 12:00 2026 (31 days).
    const sub = await subscribe(h, customer, h.catalog.monthly);
    expect((await invoicesOf(h, sub.id))[0]).toMatchObject({ status: 'paid', total: 3509 });

    // Daily schedule: allocate(2900) by seconds: the half days Jan 15 and Feb 15 get 47, Jan 16–31
    // 94 each (16 days), Feb 1–14 93 each: 2·47 + 16·94 + 14·93 = 2900. Ten days later
    // (Jan 25 12:00) Jan 15–24 are delivered: 47 + 9·94 = 893.
    await h.services.lifecycle.runDue({ nowMs: NOW_MS + 10 * DAY_MS });
    expect(await books(h, customer)).toMatchObject({ deferred: -(2900 - 893), revenue: -893 });

    h.clock.set(NOW_MS + 10 * DAY_MS);
    const canceled = await h.json<Record<string, unknown>>('POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { at_period_end: false, prorate: true } });
    expect(canceled.status).toBe('canceled');
    // Unused: Jan 25 12:00 → Feb 15 12:00 = 21 of 31 days: 2900 · 21/31 = 1964.52 → 1965 net,
    // VAT 21 % · 1965 = 412.65 → 413, credit 2378. Delivered and not credited: 2900 − 1965 = 935
    // (893 recognized daily + 42 for the half day of Jan 25 and rounding).
    const after = await books(h, customer);
    expect(after).toEqual({ deferred: 0, revenue: -935, tax: -(609 - 413), credit: -2378, receivable: 0 });
    const [note] = await h.db.select().from(creditNotes).where(eq(creditNotes.customerId, customer));
    expect(note).toMatchObject({ subtotal: 1965, tax: 413, total: 2378, creditAmount: 2378, refundAmount: 0, invoiceId: (await invoicesOf(h, sub.id))[0]?.id });
    const [move] = await h.db.select().from(customerBalanceTransactions).where(eq(customerBalanceTransactions.customerId, customer));
    expect(move).toMatchObject({ amount: 2378, type: 'credit_note', creditNoteId: note?.id });

    // Later runs (and a rerun) post nothing more for the credited line.
    const entries = await countRows(h, 'ledger_entries');
    await h.services.lifecycle.runDue({ nowMs: NOW_MS + 40 * DAY_MS });
    await h.services.lifecycle.runDue({ nowMs: NOW_MS + 40 * DAY_MS + HOUR_MS });
    expect(await countRows(h, 'ledger_entries')).toBe(entries);
    expect(await books(h, customer)).toEqual(after);
    await expectLedgerBalanced(h);
    h.close();
  });

  it('a credit before any recognition run recognizes the delivered days itself, under the daily keys', async () => {
    const h = await setupLifecycle();
    const { customer } = await customerWith(h, 'tok_visa');
    const sub = await subscribe(h, customer, h.catalog.monthly);
    h.clock.set(NOW_MS + 10 * DAY_MS);
    await h.json('POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { at_period_end: false, prorate: true } });
    // Same figures as above: Jan 15–24 posted day by day (10 journals of 2 legs), 42 at the cancel.
    expect(await countRows(h, 'ledger_entries', "entry_key like 'revenue:%'")).toBe(2 * 10);
    expect(await books(h, customer)).toMatchObject({ deferred: 0, revenue: -935 });
    await h.services.lifecycle.runDue({ nowMs: NOW_MS + 40 * DAY_MS });
    expect(await countRows(h, 'ledger_entries', "entry_key like 'revenue:%'")).toBe(2 * 10);
    expect(await books(h, customer)).toMatchObject({ deferred: 0, revenue: -935 });
    await expectLedgerBalanced(h);
    h.close();
  });

  it('a credit over several lines (a mid-period upgrade’s prorations, one negative) releases all their deferred revenue', async () => {
    const h = await setupLifecycle();
    const { customer } = await customerWith(h, 'tok_visa');
    const sub = await subscribe(h, customer, h.catalog.monthly);
    // Jan 25 12:00, one seat → two, invoiced now: −1965 + 3929 = 1964 net, VAT −413 + 825 = 412.
    h.clock.set(NOW_MS + 10 * DAY_MS);
    await h.json('POST', `/v1/subscriptions/${sub.id}`, { body: { items: [{ price: h.catalog.monthly, quantity: 2 }], proration_behavior: 'always_invoice' } });
    await h.services.lifecycle.runDue({ nowMs: NOW_MS + 17 * DAY_MS });
    // Feb 1 12:00, cancel with credit: two seats' 14 of 31 days, 5800 · 14/31 = 2619.35 → 2619,
    // VAT 549.99 → 550, credit 3169.
    h.clock.set(NOW_MS + 17 * DAY_MS);
    await h.json('POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { at_period_end: false, prorate: true } });
    // Billed net 2900 + 1964 = 4864, of which 2619 credited: revenue 2245; tax 609 + 412 − 550 = 471.
    expect(await books(h, customer)).toEqual({ deferred: 0, revenue: -2245, tax: -471, credit: -3169, receivable: 0 });
    const [note] = await h.db.select().from(creditNotes).where(eq(creditNotes.customerId, customer));
    const parts = (note?.lines ?? []) as { net_amount: number }[];
    expect(parts).toHaveLength(3);
    expect(parts.some((p) => p.net_amount < 0)).toBe(true);
    expect(parts.reduce((sum, p) => sum + p.net_amount, 0)).toBe(2619);
    await h.services.lifecycle.runDue({ nowMs: NOW_MS + 40 * DAY_MS });
    expect(await books(h, customer)).toEqual({ deferred: 0, revenue: -2245, tax: -471, credit: -3169, receivable: 0 });
    await expectLedgerBalanced(h);
    h.close();
  });

  it('cancel now while a 3-D Secure plan change waits: its invoice is voided and not credited, only the paid line is', async () => {
    const h = await setupLifecycle();
    const { customer } = await customerWith(h, 'tok_visa');
    const sub = await subscribe(h, customer, h.catalog.monthly);
    h.clock.set(NOW_MS + 10 * DAY_MS);
    await h.json('POST', `/v1/customers/${customer}/payment_methods`, { body: { token: 'tok_threeDSecureRequired', set_default: true } });
    const key = await portalToken(h, customer);
    const change = await h.json<Record<string, unknown>>('POST', `/v1/portal/subscriptions/${sub.id}/change`, { key, body: { items: [{ price: h.catalog.yearly }] } });
    expect(change.status).toBe('requires_action');
    await h.json('POST', `/v1/subscriptions/${sub.id}/cancel`, { body: { at_period_end: false, prorate: true } });
    expect((await h.json<Record<string, unknown>>('GET', `/v1/invoices/${String(change.invoice)}`)).status).toBe('void');
    // As in the first case: 1965 + 413 credited, 935 revenue, nothing receivable.
    expect(await books(h, customer)).toEqual({ deferred: 0, revenue: -935, tax: -(609 - 413), credit: -2378, receivable: 0 });
    await expectLedgerBalanced(h);
    h.close();
  });

  it('a voided invoice gives back the revenue it had recognized', async () => {
    const h = await setupLifecycle();
    const { customer } = await customerWith(h, 'tok_chargeCustomerFail');
    const sub = await subscribe(h, customer, h.catalog.monthly);
    expect(sub.status).toBe('incomplete');
    // 12 hours later the half day of Jan 15 (47) is recognized on the open invoice.
    await h.services.lifecycle.runDue({ nowMs: NOW_MS + 12 * HOUR_MS });
    expect(await books(h, customer)).toMatchObject({ deferred: -(2900 - 47), revenue: -47, receivable: 3509 });
    // After 23 hours the payment window expires: the invoice is voided.
    await h.services.lifecycle.runDue({ nowMs: NOW_MS + 2 * DAY_MS });
    expect((await invoicesOf(h, sub.id))[0]?.status).toBe('void');
    expect(await books(h, customer)).toEqual({ deferred: 0, revenue: 0, tax: 0, credit: 0, receivable: 0 });
    const reversals = await countRows(h, 'ledger_entries', "entry_key like 'revenue.voided:%'");
    expect(reversals).toBe(2);
    await h.services.lifecycle.runDue({ nowMs: NOW_MS + 5 * DAY_MS });
    expect(await countRows(h, 'ledger_entries', "entry_key like 'revenue%'")).toBe(2 + reversals);
    expect((await h.db.all(sql`select 1 from ledger_entries where entry_key like 'revenue:%' and effective_at > ${NOW_MS + 12 * HOUR_MS}`)).length).toBe(0);
    await expectLedgerBalanced(h);
    h.close();
  });
});
