import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { subscriptions } from '../../src/db/schema.js';
import { expectLedgerBalanced, NOW_MS } from '../checkout/helpers.js';
import { countRows, customerWith, DAY_MS, invoicesOf, setupLifecycle, subscribe } from './helpers.js';

describe('the billing run, a batch at a time', () => {
  it('renews a whole batch set-based: one paid invoice each, gapless numbers, one receipt each, balanced ledger', async () => {
    const h = await setupLifecycle();
    const subs: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { customer } = await customerWith(h, 'tok_visa', { email: `c${i}@example.ro` });
      subs.push((await subscribe(h, customer, h.catalog.monthly)).id);
    }
    const report = await h.services.lifecycle.runDue({ nowMs: NOW_MS + 31 * DAY_MS, batchSize: 50 });
    expect(report).toMatchObject({ processed: 5, charged: 5, paid: 5, failed: 0, errors: [], replayedBatches: 0 });
    const renewals = (await Promise.all(subs.map((id) => invoicesOf(h, id)))).map((list) => list.filter((i) => i.billing_reason === 'subscription_cycle'));
    for (const list of renewals) expect(list).toEqual([expect.objectContaining({ status: 'paid', total: 3509, amount_paid: 3509 })]);
    // Numbers continue the sequence with no gap and no repeat.
    const numbers = (await h.json<{ data: { number: string }[] }>('GET', '/v1/invoices?limit=100')).data.map((i) => Number(i.number.slice('ABONA-'.length))).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    // The renewals' receipts (the first invoices were paid at checkout, without one).
    expect(await countRows(h, 'emails', "template = 'receipt'")).toBe(5);
    expect(await countRows(h, 'events', "type = 'invoice.paid'")).toBe(10);
    // Every subscription waits for its next period end again.
    for (const id of subs) expect((await h.json<{ status: string; current_period_end: string }>('GET', `/v1/subscriptions/${id}`)).status).toBe('active');
    const again = await h.services.lifecycle.runDue({ nowMs: NOW_MS + 31 * DAY_MS, batchSize: 50 });
    expect(again.processed).toBe(0);
    await expectLedgerBalanced(h);
    h.close();
  });

  it('a step that throws leaves that subscription due and reported; the rest of its batch renews', async () => {
    const h = await setupLifecycle();
    const subs: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { customer } = await customerWith(h, 'tok_visa', { email: `c${i}@example.ro` });
      subs.push((await subscribe(h, customer, h.catalog.monthly)).id);
    }
    const broken = subs[1] as string;
    await h.db.update(subscriptions).set({ items: [{ priceId: 'price_missing', quantity: 1 }] }).where(eq(subscriptions.id, broken));
    const nowMs = NOW_MS + 31 * DAY_MS;
    const report = await h.services.lifecycle.runDue({ nowMs, batchSize: 10 });
    expect(report.errors).toEqual([{ subscription: broken, message: expect.stringContaining('price_missing') }]);
    expect(report).toMatchObject({ processed: 2, paid: 2, replayedBatches: 1 });
    expect(await invoicesOf(h, subs[0] as string)).toHaveLength(2);
    expect(await invoicesOf(h, subs[2] as string)).toHaveLength(2);
    expect(await invoicesOf(h, broken)).toHaveLength(1);
    const [row] = await h.db.select().from(subscriptions).where(eq(subscriptions.id, broken));
    expect(row?.nextActionAt).not.toBeNull();
    expect(row?.nextActionAt ?? Infinity).toBeLessThanOrEqual(nowMs);
    await expectLedgerBalanced(h);
    h.close();
  });
});
