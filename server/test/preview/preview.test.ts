import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { subscriptions } from '../../src/db/schema.js';
import { PK_TEST, type Harness } from '../helpers.js';
import { demoHarness, priceIds, type PricingBody } from '../pricing/helpers.js';

interface PreviewBody {
  object: string;
  currency: string;
  lines: {
    kind: string;
    description: string;
    amount: number;
    quantity: number;
    net_amount: number;
    discount_amount: number;
    taxes: { amount: number; label: string }[];
    total_amount: number;
  }[];
  subtotal: number;
  total_discount: number;
  total_excluding_tax: number;
  tax: number;
  total: number;
  amount_due: number;
  tax_breakdown: { amount: number; label: string; reverse_charge: boolean }[];
  discounts: { coupon: string; promotion_code: string | null }[];
  notes: string[];
  reverse_charge: boolean;
  plan_change: { kind: string; effective: string; invoice_now: boolean } | null;
}

const preview = (h: Harness, body: unknown, status = 200) =>
  h.json<PreviewBody>('POST', '/v1/invoices/preview', { body }, status);
const ro = { address: { country: 'RO' } };

describe('POST /v1/invoices/preview', () => {
  it('bills the first month of Pro to a Romanian consumer with TVA 21%', async () => {
    const h = await demoHarness();
    const body = await preview(h, { customer_details: ro, items: [{ price: 'pro_monthly' }] });
    // RO's own currency RON is offered: 14500 + 21 % (3045) = 17545.
    expect(body).toMatchObject({
      object: 'invoice_preview',
      currency: 'RON',
      subtotal: 14500,
      tax: 3045,
      total: 17545,
      amount_due: 17545,
      plan_change: null,
    });
    expect(body.lines).toHaveLength(1);
    expect(body.lines[0]).toMatchObject({
      kind: 'subscription',
      description: 'Pro × 1 (15 Jan 2026 – 15 Feb 2026)',
      net_amount: 14500,
      total_amount: 17545,
    });
    expect(body.tax_breakdown.map((t) => t.label)).toEqual(['TVA 21%']);
    h.close();
  });

  it('takes a promotion code off before tax (DEMO20)', async () => {
    const h = await demoHarness();
    const body = await preview(h, {
      customer_details: ro,
      currency: 'EUR',
      items: [{ price: 'pro_monthly' }],
      promotion_code: 'demo20',
    });
    // 20 % of 2900 = 580; 2320 taxed at 21 % = 487.2 → 487; 2320 + 487 = 2807.
    expect(body).toMatchObject({
      subtotal: 2900,
      total_discount: 580,
      total_excluding_tax: 2320,
      tax: 487,
      total: 2807,
    });
    expect(body.discounts).toEqual([
      { coupon: expect.stringMatching(/^coupon_/), promotion_code: expect.stringMatching(/^promo_/) },
    ]);
    const bad = await h.call('POST', '/v1/invoices/preview', {
      body: { customer_details: ro, items: [{ price: 'pro_monthly' }], promotion_code: 'NOPE' },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { param: string } }).error.param).toBe('promotion_code');
    h.close();
  });

  it('reverse-charges an EU business and notes it', async () => {
    const h = await demoHarness();
    const body = await preview(h, {
      customer_details: { address: { country: 'FR' }, tax_id: { type: 'eu_vat', value: 'FR40303265045' } },
      items: [{ price: 'pro_monthly' }],
    });
    expect(body).toMatchObject({ currency: 'EUR', tax: 0, total: 2900, reverse_charge: true });
    expect(body.notes.join(' ')).toMatch(/[Rr]everse charge/);
    h.close();
  });

  it('uses a stored customer and refuses unknown prices, customers and publishable keys', async () => {
    const h = await demoHarness();
    const customer = await h.json<{ id: string }>('POST', '/v1/customers', {
      body: { email: 'a@b.example', address: { country: 'DE' } },
    });
    const body = await preview(h, {
      customer: customer.id,
      items: [{ price: 'basic_monthly', quantity: 1 }],
    });
    // DE consumer, OSS: 19 % of 900 = 171.
    expect(body).toMatchObject({ currency: 'EUR', subtotal: 900, tax: 171, total: 1071 });
    for (const [request, param] of [
      [{ customer_details: ro, items: [{ price: 'nope' }] }, 'items[0][price]'],
      [{ customer: 'cus_nope', items: [{ price: 'pro_monthly' }] }, 'customer'],
      [{ items: [{ price: 'pro_monthly' }] }, 'customer_details'],
      [{ customer_details: ro, items: [] }, 'items'],
      [
        { customer_details: { address: { country: 'QQ' } }, items: [{ price: 'pro_monthly' }] },
        'customer_details[address][country]',
      ],
      [{ customer_details: ro, items: [{ price: 'pro_monthly' }], currency: 'GBP' }, 'currency'],
      [
        { customer_details: ro, items: [{ price: 'pro_monthly' }], coupon: 'x', promotion_code: 'DEMO20' },
        'coupon',
      ],
    ] as const) {
      const res = await h.call('POST', '/v1/invoices/preview', { body: request });
      expect(res.status, JSON.stringify(request)).toBe(400);
      expect(((await res.json()) as { error: { param: string } }).error.param).toBe(param);
    }
    const publishable = await h.call('POST', '/v1/invoices/preview', {
      key: PK_TEST,
      body: { customer_details: ro, items: [{ price: 'pro_monthly' }] },
    });
    expect(publishable.status).toBe(403);
    h.close();
  });

  it('previews an upgrade of a stored subscription through core previewPlanChange', async () => {
    const h = await demoHarness();
    const ids = await priceIds(h);
    const customer = await h.json<{ id: string }>('POST', '/v1/customers', {
      body: { address: { country: 'RO' } },
    });
    const startMs = Date.UTC(2026, 0, 1);
    await h.db.insert(subscriptions).values({
      id: 'sub_test_1',
      livemode: false,
      createdAt: startMs,
      updatedAt: startMs,
      customerId: customer.id,
      status: 'active',
      items: [{ priceId: ids.basic_monthly ?? '', quantity: 1 }],
      currency: 'EUR',
      anchorMs: startMs,
      timeZone: 'UTC',
      currentPeriodStart: startMs,
      currentPeriodEnd: Date.UTC(2026, 1, 1),
      cancelAtPeriodEnd: false,
      discounts: [],
      appliedOnceCouponIds: [],
      pendingLines: [],
    });
    const body = await preview(h, {
      subscription: 'sub_test_1',
      subscription_items: [{ price: 'pro_monthly' }],
    });
    expect(body.plan_change).toMatchObject({ kind: 'upgrade', effective: 'now' });
    // Proration: a credit for unused Basic and a charge for the rest of the month on Pro.
    const kinds = body.lines.map((l) => Math.sign(l.amount));
    expect(kinds).toContain(-1);
    expect(kinds).toContain(1);
    expect(body.total).toBe(body.total_excluding_tax + body.tax);
    h.close();
  });

  it('agrees with the pricing table for the same item, country and currency', async () => {
    const h = await demoHarness();
    const ids = await priceIds(h);
    const keys = [
      'basic_monthly',
      'pro_yearly',
      'enterprise_monthly',
      'team_seat_monthly',
      'team_seat_yearly',
      'api_calls_monthly',
      'priority_support_yearly',
    ];
    const countries = ['RO', 'DE', 'FR', 'US', 'GB', 'CA', 'JP', 'AU', 'CH', 'BG', 'IT'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...keys),
        fc.constantFrom(...countries),
        fc.constantFrom('EUR', 'USD', 'RON'),
        fc.integer({ min: 1, max: 60 }),
        async (key, country, currency, seats) => {
          const id = ids[key] ?? '';
          const quantity = key.startsWith('team') ? seats : key.startsWith('api') ? seats * 1000 : 1;
          const pricing = await h.json<PricingBody>(
            'GET',
            // Named products: add-ons and usage-only products are off the default table.
            `/v1/pricing?country=${country}&currency=${currency}&products=${key.replace(/_(monthly|yearly)$/, '').replace(/_seat$/, '')}&quantity[${id}]=${quantity}`,
            { key: PK_TEST },
          );
          const shown = pricing.products.flatMap((p) => p.prices).find((p) => p.id === id);
          if (!shown) throw new Error(`${key} not shown`);
          const invoice = await preview(h, {
            customer_details: { address: { country } },
            currency,
            items: [{ price: id, quantity }],
          });
          const line = invoice.lines[0];
          expect(invoice.currency).toBe(pricing.currency);
          expect(line?.net_amount).toBe(shown.net_amount);
          expect(line?.taxes.reduce((sum, t) => sum + t.amount, 0)).toBe(shown.tax_amount);
          expect(line?.total_amount).toBe(shown.gross_amount);
          expect(invoice.total).toBe(shown.gross_amount);
        },
      ),
      { numRuns: 40 },
    );
    h.close();
  });
});
