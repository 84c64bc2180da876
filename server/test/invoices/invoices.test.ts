import { describe, expect, it } from 'vitest';
import { PK_TEST, SK_LIVE } from '../helpers.js';
import { createSession, setupBilling, type Json } from '../checkout/helpers.js';

describe('invoices', () => {
  it('lists with filters and pagination, shows one with lines, prints HTML; other modes and keys see nothing', async () => {
    const h = await setupBilling();
    const made: Json[] = [];
    for (const [i, price] of [h.catalog.monthly, h.catalog.yearly, h.catalog.setupFee].entries()) {
      const session = await createSession(h, { line_items: [{ price }], email: `i${i}@example.com` }, PK_TEST);
      made.push(await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: 'tok_visa' } }));
    }
    const all = await h.json<{ data: Json[]; has_more: boolean }>('GET', '/v1/invoices?limit=2');
    expect(all.data).toHaveLength(2);
    expect(all.has_more).toBe(true);
    const rest = await h.json<{ data: Json[]; has_more: boolean }>('GET', `/v1/invoices?limit=2&starting_after=${all.data[1]?.id}`);
    expect(rest.data).toHaveLength(1);
    expect(rest.has_more).toBe(false);
    const byCustomer = await h.json<{ data: Json[] }>('GET', `/v1/invoices?customer=${String(made[0]?.customer)}`);
    expect(byCustomer.data.map((i) => i.id)).toEqual([made[0]?.invoice]);
    expect((await h.json<{ data: Json[] }>('GET', '/v1/invoices?status=open')).data).toEqual([]);
    // The one-time fee is a payment-mode checkout: an invoice without a subscription or period.
    const oneTime = await h.json<Json>('GET', `/v1/invoices/${String(made[2]?.invoice)}`);
    expect(oneTime).toMatchObject({ subscription: null, billing_reason: 'manual', period_start: null, total: 6050 });
    expect(made[2]?.subscription).toBeNull();

    const html = await h.call('GET', `/v1/invoices/${String(made[0]?.invoice)}/html`);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    const page = await html.text();
    expect(page).toContain('ABONA-000001');
    expect(page).toContain('TVA 21%');
    expect(page).toContain('Abona Demo SRL');
    expect(page).not.toContain('<script');

    expect((await h.call('GET', `/v1/invoices/${String(made[0]?.invoice)}`, { key: SK_LIVE })).status).toBe(404);
    expect((await h.call('GET', `/v1/invoices/${String(made[0]?.invoice)}`, { key: PK_TEST })).status).toBe(403);
    expect((await h.call('GET', '/v1/invoices?status=bogus')).status).toBe(400);
    h.close();
  });
});
