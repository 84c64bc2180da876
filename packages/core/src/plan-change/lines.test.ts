import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, flatPrice, item, seatPrice } from '../subscription/test-fixtures.js';
import { periodLines, prorationLines, type LineContext } from './lines.js';

const period = { startMs: at('2026-11-01T00:00:00Z'), endMs: at('2026-12-01T00:00:00Z') };
const products = [
  { id: 'prod_pro', name: 'Pro', entitlements: [] },
  { id: 'prod_ent', name: 'Enterprise', entitlements: [] },
  { id: 'prod_seat', name: 'Seats', entitlements: [] },
];
const ctx: LineContext = { timeZone: 'UTC', products, defaultTaxBehavior: 'exclusive' };
const pro = flatPrice('price_pro', 'prod_pro', 2900);
const enterprise = flatPrice('price_ent', 'prod_ent', 9900);

describe('prorationLines', () => {
  it('Pro €29 → Enterprise €99 on 2026-11-26 12:00 UTC', () => {
    const atMs = at('2026-11-26T12:00:00Z');
    const lines = prorationLines([item(pro)], [item(enterprise)], period, atMs, ctx);
    // period: 30 days = 2,592,000 s; remaining: 4.5 days = 388,800 s; 388,800 / 2,592,000 = 0.15
    expect(lines.map((l) => l.amount)).toEqual([-435, 1485]); // −2900 × 0.15 = −435; 9900 × 0.15 = 1485
    expect(lines[0]).toEqual({
      kind: 'proration',
      description: 'Unused time on Pro (26 Nov 2026 – 1 Dec 2026)',
      amount: -435,
      quantity: 1,
      priceId: 'price_pro',
      productId: 'prod_pro',
      period: { startMs: atMs, endMs: period.endMs },
      taxBehavior: 'exclusive',
    });
    expect(lines[1]!.description).toBe('Remaining time on Enterprise (26 Nov 2026 – 1 Dec 2026)');
    expect(lines[1]!.priceId).toBe('price_ent');
  });

  it('rounds each line once, half up, at an odd second', () => {
    const lines = prorationLines([item(pro)], [item(enterprise)], period, at('2026-11-10T08:17:33Z'), ctx);
    // remaining = 20 d 15 h 42 min 27 s = 1,784,547 s of 2,592,000
    // 2900 × 1,784,547 / 2,592,000 = 1996.5997… → 1997; 9900 × 1,784,547 / 2,592,000 = 6815.978… → 6816
    expect(lines.map((l) => l.amount)).toEqual([-1997, 6816]);
  });

  it('drops milliseconds: proration is by the whole second', () => {
    const a = prorationLines([item(pro)], [item(enterprise)], period, at('2026-11-10T08:17:33.000Z'), ctx);
    const b = prorationLines([item(pro)], [item(enterprise)], period, at('2026-11-10T08:17:33.999Z'), ctx);
    expect(b.map((l) => l.amount)).toEqual(a.map((l) => l.amount));
  });

  it('prorates seats: 5 → 8 seats at €10 with half the period left', () => {
    const seats = seatPrice('price_seat', 'prod_seat', 1000);
    const lines = prorationLines([item(seats, 5)], [item(seats, 8)], period, at('2026-11-16T00:00:00Z'), ctx);
    // 15 of 30 days left: −5 × 1000 × 0.5 = −2500; 8 × 1000 × 0.5 = 4000
    expect(lines.map((l) => [l.description, l.amount, l.quantity])).toEqual([
      ['Unused time on Seats × 5 (16 Nov 2026 – 1 Dec 2026)', -2500, 5],
      ['Remaining time on Seats × 8 (16 Nov 2026 – 1 Dec 2026)', 4000, 8],
    ]);
  });

  it('makes no line for unchanged items, at the very end, or for zero amounts', () => {
    const seats = seatPrice('price_seat', 'prod_seat', 1000);
    const lines = prorationLines([item(pro), item(seats, 2)], [item(pro), item(seats, 3)], period, at('2026-11-16T00:00:00Z'), ctx);
    expect(lines.map((l) => l.priceId)).toEqual(['price_seat', 'price_seat']);
    expect(prorationLines([item(pro)], [item(enterprise)], period, period.endMs, ctx)).toEqual([]);
    const free = flatPrice('price_free', 'prod_free', 0);
    expect(prorationLines([item(free)], [item(pro)], period, at('2026-11-16T00:00:00Z'), ctx).map((l) => l.amount)).toEqual([1450]); // 2900 × 0.5
  });

  it('resolves unspecified tax behavior and carries the tax code', () => {
    const unspecified = { ...enterprise, taxBehavior: 'unspecified' as const, taxCode: 'saas' };
    const [, charge] = prorationLines([item(pro)], [item(unspecified)], period, at('2026-11-16T00:00:00Z'), { ...ctx, defaultTaxBehavior: 'inclusive' });
    expect(charge).toMatchObject({ taxBehavior: 'inclusive', taxCode: 'saas' });
  });

  it('credit + charge is within 1 minor unit of (new − old) × remaining ÷ period (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: period.startMs, max: period.endMs }),
        (oldAmount, newAmount, atMs) => {
          const lines = prorationLines([item(flatPrice('a', 'prod_pro', oldAmount))], [item(flatPrice('b', 'prod_ent', newAmount))], period, atMs, ctx);
          const sum = lines.reduce((s, l) => s + l.amount, 0);
          for (const l of lines) expect(Number.isSafeInteger(l.amount)).toBe(true);
          const remaining = BigInt(Math.floor(period.endMs / 1000) - Math.floor(atMs / 1000));
          const total = 2_592_000n;
          // |sum − exact| ≤ 1  ⇔  |sum × total − (new − old) × remaining| ≤ total
          const error = BigInt(sum) * total - BigInt(newAmount - oldAmount) * remaining;
          expect(error <= total && error >= -total).toBe(true);
          if (lines.length === 2) expect(lines[0]!.amount).toBeLessThan(0);
        },
      ),
    );
  });
});

describe('periodLines', () => {
  it('bills whole periods of licensed items, worded as the invoice module words them', () => {
    const next = { startMs: at('2026-12-01T00:00:00Z'), endMs: at('2027-01-01T00:00:00Z') };
    const metered = { ...seatPrice('price_api', 'prod_api', 1), recurring: { interval: { unit: 'month' as const, count: 1 }, usageType: 'metered' as const } };
    expect(periodLines([item(pro), item(metered, 0)], next, ctx)).toEqual([
      { kind: 'subscription', description: 'Pro (1 Dec 2026 – 1 Jan 2027)', amount: 2900, quantity: 1, priceId: 'price_pro', productId: 'prod_pro', period: next, taxBehavior: 'exclusive' },
    ]);
  });

  it('writes proration dates in the customer zone', () => {
    // 2026-11-30 22:30 UTC is already 1 Dec 00:30 in Bucharest (UTC+2).
    const atMs = at('2026-11-30T22:30:00Z');
    const end = { startMs: period.startMs, endMs: at('2026-12-31T22:00:00Z') };
    const [credit] = prorationLines([item(pro)], [item(enterprise)], end, atMs, { ...ctx, timeZone: 'Europe/Bucharest' });
    expect(credit!.description).toBe('Unused time on Pro (1 Dec 2026 – 1 Jan 2027)');
  });
});
