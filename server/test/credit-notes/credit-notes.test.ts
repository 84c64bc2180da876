import { describe, expect, it } from 'vitest';
import { SK_LIVE } from '../helpers.js';
import { customerWith, DAY_MS, invoicesOf, setupLifecycle, subscribe, type Json } from '../lifecycle/helpers.js';
import { NOW_MS } from '../checkout/helpers.js';

describe('/v1/credit_notes', () => {
  it('the credit note of a prorated cancel, listed by customer and by invoice and retrieved, to the cent', async () => {
    const h = await setupLifecycle();
    const { customer } = await customerWith(h, 'tok_visa');
    const other = await customerWith(h, 'tok_visa');
    // Pro €29.00 + 21 % VAT = 3509, paid for Jan 15 12:00 → Feb 15 12:00 2026 (31 days).
    const sub = await subscribe(h, customer, h.catalog.monthly);
    await subscribe(h, other.customer, h.catalog.monthly);
    const [invoice] = await invoicesOf(h, String(sub.id));
    h.clock.set(NOW_MS + 10 * DAY_MS);
    await h.json('POST', `/v1/subscriptions/${String(sub.id)}/cancel`, { body: { at_period_end: false, prorate: true } });

    const list = await h.json<{ object: string; data: Json[]; has_more: boolean }>('GET', `/v1/credit_notes?customer=${customer}`);
    expect(list).toMatchObject({ object: 'list', has_more: false });
    expect(list.data).toHaveLength(1);
    const note = list.data[0]!;
    // Unused 21 of 31 days: 2900 · 21/31 = 1964.52 → 1965 net; VAT 21 % = 412.65 → 413; 2378 credited.
    expect(note).toMatchObject({
      object: 'credit_note',
      number: 'ABONA-CN-000001',
      invoice: invoice?.id,
      customer,
      currency: 'EUR',
      reason: 'order_change',
      subtotal: 1965,
      tax: 413,
      total: 2378,
      credit_amount: 2378,
      refund_amount: 0,
      livemode: false,
    });
    expect((note.lines as { net_amount: number }[]).reduce((sum, line) => sum + line.net_amount, 0)).toBe(1965);
    expect((note.tax_breakdown as { amount: number; rate_percent: string }[]).map((t) => [t.amount, t.rate_percent])).toEqual([[413, '21']]);

    expect(await h.json('GET', `/v1/credit_notes/${String(note.id)}`)).toEqual(note);
    expect((await h.json<{ data: Json[] }>('GET', `/v1/credit_notes?invoice=${String(invoice?.id)}`)).data.map((n) => n.id)).toEqual([note.id]);
    expect((await h.json<{ data: Json[] }>('GET', `/v1/credit_notes?customer=${other.customer}`)).data).toEqual([]);
  });

  it('an unknown id is a 404 on id, live mode sees no test credit note, bad filters are a 400 with the param', async () => {
    const h = await setupLifecycle();
    const missing = await h.call('GET', '/v1/credit_notes/cn_nope');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { param: string } }).error.param).toBe('id');
    const live = await h.call('GET', '/v1/credit_notes', { key: SK_LIVE });
    expect(((await live.json()) as { data: unknown[] }).data).toEqual([]);
    const bad = await h.call('GET', '/v1/credit_notes?limit=0');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { param: string } }).error.param).toBe('limit');
  });
});
