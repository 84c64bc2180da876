import { describe, expect, it } from 'vitest';
import { expectLedgerBalanced, NOW_MS } from '../checkout/helpers.js';
import { countRows, customerWith, DAY_MS, HOUR_MS, invoicesOf, setupLifecycle, subscribe } from './helpers.js';

describe('the billing run', () => {
  it('renews once however often it runs on the billing day (every hour)', async () => {
    const h = await setupLifecycle();
    const { customer } = await customerWith(h, 'tok_visa');
    const sub = await subscribe(h, customer, h.catalog.monthly);
    expect(sub.current_period_end).toBe('2026-02-15T12:00:00.000Z');
    const dayStart = Date.UTC(2026, 1, 15);
    for (let hour = 0; hour <= 24; hour += 1) await h.services.lifecycle.runDue({ nowMs: dayStart + hour * HOUR_MS });
    const invoices = await invoicesOf(h, sub.id);
    // the first invoice at creation and exactly one renewal
    expect(invoices).toHaveLength(2);
    const renewal = invoices.find((i) => i.billing_reason === 'subscription_cycle');
    // 2900 + 21 % TVA (609) = 3509, paid off-session
    expect(renewal).toMatchObject({ status: 'paid', total: 3509, period_start: '2026-02-15T12:00:00.000Z', period_end: '2026-03-15T12:00:00.000Z' });
    const after = await h.json('GET', `/v1/subscriptions/${sub.id}`);
    expect(after).toMatchObject({ status: 'active', current_period_start: '2026-02-15T12:00:00.000Z', latest_invoice: renewal?.id });
    await expectLedgerBalanced(h);
    h.close();
  });

  it('two runs at once bill nothing twice; a run killed between batches and restarted misses nothing', async () => {
    const h = await setupLifecycle();
    const subs: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const { customer } = await customerWith(h, 'tok_visa', { email: `c${i}@example.ro` });
      subs.push((await subscribe(h, customer, h.catalog.monthly)).id);
    }
    const first = NOW_MS + 31 * DAY_MS;
    const reports = await Promise.all([h.services.lifecycle.runDue({ nowMs: first, batchSize: 2 }), h.services.lifecycle.runDue({ nowMs: first, batchSize: 2 })]);
    expect(reports[0].processed + reports[1].processed).toBe(6);
    expect(await countRows(h, 'invoices', "billing_reason = 'subscription_cycle'")).toBe(6);

    // Next month: the run dies after its first batch of 2.
    const second = first + 29 * DAY_MS;
    await expect(
      h.services.lifecycle.runDue({
        nowMs: second,
        batchSize: 2,
        onBatch: () => {
          throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    expect(await countRows(h, 'invoices', "billing_reason = 'subscription_cycle'")).toBe(8);
    const restarted = await h.services.lifecycle.runDue({ nowMs: second, batchSize: 2 });
    expect(restarted.processed).toBe(4);
    expect(await countRows(h, 'invoices', "billing_reason = 'subscription_cycle'")).toBe(12);
    // Every subscription has one invoice per period: creation + 2 renewals.
    for (const id of subs) expect(await invoicesOf(h, id)).toHaveLength(3);
    expect(await countRows(h, 'invoices', "status != 'paid'")).toBe(0);
    await expectLedgerBalanced(h);
    h.close();
  });

  it('gives the event loop a turn after each batch, so a long run does not hold up the process', async () => {
    const h = await setupLifecycle();
    for (let i = 0; i < 6; i += 1) {
      const { customer } = await customerWith(h, 'tok_visa', { email: `c${i}@example.ro` });
      await subscribe(h, customer, h.catalog.monthly);
    }
    let batches = 0;
    let turnAfterBatch: number | undefined;
    // Timers, I/O callbacks and native finalizers wait for such a turn.
    setImmediate(() => (turnAfterBatch = batches));
    const report = await h.services.lifecycle.runDue({ nowMs: NOW_MS + 31 * DAY_MS, batchSize: 2, onBatch: (progress) => void (batches = progress.batches) });
    expect(report).toMatchObject({ batches: 3, processed: 6 });
    expect(turnAfterBatch).toBe(1);
    h.close();
  });

  it('posts daily revenue recognition once per line and day', async () => {
    const h = await setupLifecycle();
    const { customer } = await customerWith(h, 'tok_visa');
    await subscribe(h, customer, h.catalog.monthly);
    // Jan 15 12:00 → Feb 15 12:00; after 10 days, the first half day plus 9 full days are delivered.
    await h.services.lifecycle.runDue({ nowMs: NOW_MS + 10 * DAY_MS });
    const n = await countRows(h, 'ledger_entries', "entry_key like 'revenue:%'");
    expect(n).toBe(2 * 10);
    await h.services.lifecycle.runDue({ nowMs: NOW_MS + 10 * DAY_MS + HOUR_MS });
    expect(await countRows(h, 'ledger_entries', "entry_key like 'revenue:%'")).toBe(n);
    await expectLedgerBalanced(h);
    h.close();
  });
});
