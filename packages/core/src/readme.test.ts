/**
 * The examples of packages/core/README.md, run as tests so the README never lies.
 * Keep the two in step: each `it` is one README section.
 */
import { describe, expect, it } from 'vitest';
import {
  allocate,
  buildInvoice,
  createBuiltInTaxCalculator,
  decomposeInclusive,
  formatMoney,
  fromIso,
  linesForItems,
  normalizedMrr,
  periodSequence,
  previewPlanChange,
  priceAmount,
  resolvePrices,
  revenueSchedule,
  roundMinor,
  toIso,
  transition,
  validateTaxId,
  type Price,
  type Subscription,
} from './index.js';

const month = { unit: 'month', count: 1 } as const;
const pro: Price = {
  id: 'price_pro',
  productId: 'prod_pro',
  currency: 'EUR',
  model: { type: 'flat', amount: 2900 },
  recurring: { interval: month, usageType: 'licensed' },
  taxBehavior: 'exclusive',
};
const enterprise: Price = { ...pro, id: 'price_ent', productId: 'prod_ent', model: { type: 'flat', amount: 9900 } };
const apiCalls: Price = {
  id: 'price_api',
  productId: 'prod_api',
  currency: 'EUR',
  model: {
    type: 'graduated',
    tiers: [
      { upTo: 10_000, unitAmount: 0 },
      { upTo: null, unitAmountDecimal: '0.2' },
    ],
  },
  recurring: { interval: month, usageType: 'metered', aggregation: 'sum' },
  taxBehavior: 'exclusive',
};

describe('README examples', () => {
  it('money', () => {
    expect(roundMinor('2.5')).toBe(3);
    expect(roundMinor('-2.5')).toBe(-3);
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(formatMoney(2900, 'EUR', 'en-IE')).toBe('€29.00');
    expect(formatMoney(2900, 'EUR', 'ro')).toBe('29,00\u00a0€');
  });

  it('time', () => {
    const periods = periodSequence(fromIso('2024-01-31T00:00:00Z'), month, 4);
    expect(periods.map((p) => toIso(p.startMs).slice(0, 10))).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
    ]);
  });

  it('pricing', () => {
    // 25,000 calls: 10,000 free, then 15,000 × 0.2 cents = 3,000 cents
    expect(priceAmount(apiCalls, 25_000)).toBe(3000);
  });

  it('invoice with tax', () => {
    const period = { startMs: fromIso('2026-11-01'), endMs: fromIso('2026-12-01') };
    const tax = createBuiltInTaxCalculator({
      seller: { country: 'RO', registrations: [{ country: 'RO' }] },
      customer: { country: 'RO', business: false },
    });
    const invoice = buildInvoice(
      {
        currency: 'EUR',
        lines: linesForItems([{ price: pro, quantity: 1 }], period),
        discounts: [{ coupon: { id: 'DEMO20', percentOff: '20', duration: 'forever' }, startMs: 0 }],
        atMs: fromIso('2026-11-01'),
      },
      tax,
    );
    // 2900 − 20 % = 2320; TVA 21 % of 2320 = 487.2 → 487; total 2807
    expect([invoice.subtotal, invoice.totalDiscount, invoice.tax, invoice.total]).toEqual([2900, 580, 487, 2807]);
    expect(invoice.taxBreakdown[0]?.label).toBe('TVA 21%');
  });

  it('inclusive decomposition', () => {
    // €100 incl. 19 %: net = round(10000 × 100 / 119) = 8403, tax = 1597
    expect(decomposeInclusive(10_000, ['19'])).toEqual({ net: 8403, taxes: [1597] });
  });

  it('plan change preview', () => {
    const subscription: Subscription = {
      id: 'sub_1',
      customerId: 'cus_1',
      status: 'active',
      items: [{ priceId: pro.id, quantity: 1, price: pro }],
      anchorMs: fromIso('2026-11-01'),
      timeZone: 'UTC',
      currentPeriod: { startMs: fromIso('2026-11-01'), endMs: fromIso('2026-12-01') },
      cancelAtPeriodEnd: false,
      discounts: [],
      version: 1,
    };
    const preview = previewPlanChange({
      subscription,
      newItems: [{ priceId: enterprise.id, quantity: 1, price: enterprise }],
      atMs: fromIso('2026-11-26T12:00:00Z'),
    });
    // 388,800 of 2,592,000 s remain (0.15): −2900 × 0.15 = −435, +9900 × 0.15 = +1485
    expect(preview.effective).toBe('now');
    expect(preview.lines.map((l) => l.amount)).toEqual([-435, 1485]);
  });

  it('subscription state machine', () => {
    const sub = { status: 'past_due' } as Subscription;
    expect(() => transition({ ...sub, status: 'canceled' }, 'payment_succeeded', 0)).toThrow(/canceled/);
  });

  it('price resolution', () => {
    const resolved = resolvePrices({
      prices: [pro],
      country: 'DE',
      business: false,
      atMs: fromIso('2026-11-26'),
      seller: { country: 'DE', registrations: [{ country: 'DE' }] },
    });
    // €29 + USt. 19 % (551) = €34.51
    expect(resolved.prices[0]).toMatchObject({ netAmount: 2900, taxAmount: 551, grossAmount: 3451 });
  });

  it('tax ids', () => {
    expect(validateTaxId('eu_vat', 'RO 18547290')).toMatchObject({ valid: true, normalized: 'RO18547290' });
    expect(validateTaxId('eu_vat', 'RO18547291')).toMatchObject({ valid: false, reason: 'checksum' });
  });

  it('revenue and MRR', () => {
    const schedule = revenueSchedule({
      netAmount: 3000,
      period: { startMs: fromIso('2026-11-01'), endMs: fromIso('2026-12-01') },
    });
    expect(schedule).toHaveLength(30);
    expect(schedule.reduce((s, e) => s + e.amount, 0)).toBe(3000);
    const yearly: Price = { ...pro, model: { type: 'flat', amount: 29_000 }, recurring: { interval: { unit: 'year', count: 1 }, usageType: 'licensed' } };
    // 29,000 / 12 = 2416.67 → 2417
    expect(normalizedMrr([{ price: yearly, quantity: 1 }], [], 0)).toBe(2417);
  });
});
