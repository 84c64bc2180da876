import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Price } from '../catalog/index.js';
import { InvalidInputError } from '../errors/index.js';
import { scaleMinor } from '../money/index.js';
import { InvalidTransitionError, type Subscription } from '../subscription/index.js';
import { at, flatPrice, item, monthly, seatPrice, subscription, yearly } from '../subscription/test-fixtures.js';
import { noTax, type TaxCalculator } from '../tax/index.js';
import { applyPlanChange } from './apply.js';
import { previewPlanChange } from './preview.js';
import type { PlanChangeInput, ProrationBehavior } from './types.js';

const products = [
  { id: 'prod_pro', name: 'Pro', entitlements: [] },
  { id: 'prod_ent', name: 'Enterprise', entitlements: [] },
  { id: 'prod_seat', name: 'Seats', entitlements: [] },
];
const pro = flatPrice('price_pro', 'prod_pro', 2900);
const proYearly = flatPrice('price_pro_y', 'prod_pro', 29000, yearly);
const enterprise = flatPrice('price_ent', 'prod_ent', 9900);
const seats = seatPrice('price_seat', 'prod_seat', 1000);
const END = at('2026-12-01T00:00:00Z');
const AT = at('2026-11-26T12:00:00Z'); // 4.5 of 30 days left: fraction 0.15

const vat21: TaxCalculator = (input) => ({
  lines: input.lines.map((l) => ({
    index: l.index,
    taxes: [{ amount: scaleMinor(l.amount, 21, 100), taxableAmount: l.amount, ratePercent: '21', type: 'vat', label: 'VAT 21%', jurisdiction: 'DE', inclusive: false }],
  })),
});

const amounts = (lines: { amount: number }[]) => lines.map((l) => l.amount);
const descriptions = (lines: { description: string }[]) => lines.map((l) => l.description);

describe('previewPlanChange: literal cases', () => {
  it('upgrade Pro €29 → Enterprise €99 now, prorations on the next invoice (defaults)', () => {
    const preview = previewPlanChange({ subscription: subscription(), newItems: [item(enterprise)], atMs: AT, products });
    expect(preview).toMatchObject({ kind: 'upgrade', effective: 'now', effectiveAtMs: AT, invoiceNow: false, totalNow: 0, amountDueNow: 0 });
    expect(amounts(preview.lines)).toEqual([-435, 1485]); // −2900 × 0.15, +9900 × 0.15
    expect(descriptions(preview.lines)).toEqual([
      'Unused time on Pro (26 Nov 2026 – 1 Dec 2026)',
      'Remaining time on Enterprise (26 Nov 2026 – 1 Dec 2026)',
    ]);
    // Next invoice on 1 Dec: the waiting prorations, then December on Enterprise.
    expect(amounts(preview.nextInvoiceLines)).toEqual([-435, 1485, 9900]); // Σ = 10,950
    expect(preview.nextInvoiceLines[2]!.description).toBe('Enterprise (1 Dec 2026 – 1 Jan 2027)');
    expect(preview.resultingSubscription).toMatchObject({ items: [item(enterprise)], version: 2, currentPeriod: subscription().currentPeriod });
  });

  it('always_invoice invoices the prorations now; with a calculator the invoice carries tax', () => {
    const input = { subscription: subscription(), newItems: [item(enterprise)], atMs: AT, products, prorationBehavior: 'always_invoice' as const };
    const plain = previewPlanChange(input);
    expect(plain).toMatchObject({ invoiceNow: true, totalNow: 1050, amountDueNow: 1050 }); // −435 + 1485
    expect(amounts(plain.nextInvoiceLines)).toEqual([9900]);
    expect(plain.invoice).toBeUndefined();
    const taxed = previewPlanChange({ ...input, tax: vat21 });
    // tax: −435 × 21 % = −91.35 → −91; 1485 × 21 % = 311.85 → 312; total = 1050 + 221 = 1271
    expect(taxed.invoice).toMatchObject({ tax: 221, total: 1271, amountDue: 1271 });
    expect(taxed.amountDueNow).toBe(1271);
    expect(taxed.lines).toEqual(plain.lines);
  });

  it('applies the subscription discounts to the invoice made now', () => {
    const coupon = { id: 'half', percentOff: '50', duration: 'forever' as const };
    const sub = subscription({ discounts: [{ coupon, startMs: at('2026-01-01T00:00:00Z') }] });
    const preview = previewPlanChange({ subscription: sub, newItems: [item(enterprise)], atMs: AT, prorationBehavior: 'always_invoice', tax: noTax });
    expect(preview.invoice!.totalDiscount).toBeGreaterThan(0);
    expect(preview.amountDueNow).toBe(preview.invoice!.amountDue);
    expect(preview.amountDueNow).toBeLessThan(1050);
  });

  it('downgrade Enterprise → Pro waits for the period end (default)', () => {
    const sub = subscription({ items: [item(enterprise)] });
    const preview = previewPlanChange({ subscription: sub, newItems: [item(pro)], atMs: AT, products });
    expect(preview).toMatchObject({ kind: 'downgrade', effective: 'period_end', effectiveAtMs: END, lines: [], invoiceNow: false, totalNow: 0 });
    expect(preview.resultingSubscription.items).toEqual([item(enterprise)]);
    expect(preview.resultingSubscription.scheduledChange).toEqual({ items: [item(pro)], effectiveAtMs: END });
    expect(preview.nextInvoiceLines.map((l) => [l.description, l.amount])).toEqual([['Pro (1 Dec 2026 – 1 Jan 2027)', 2900]]);
  });

  it('downgrade now when the policy says so: credit Enterprise, charge Pro', () => {
    const sub = subscription({ items: [item(enterprise)] });
    const preview = previewPlanChange({ subscription: sub, newItems: [item(pro)], atMs: AT, policy: { downgrade: 'now' } });
    expect(amounts(preview.lines)).toEqual([-1485, 435]); // −9900 × 0.15, +2900 × 0.15
  });

  it('always_invoice on a net credit: nothing due, the invoice turns it into credit', () => {
    const sub = subscription({ items: [item(enterprise)] });
    const preview = previewPlanChange({ subscription: sub, newItems: [item(pro)], atMs: AT, policy: { downgrade: 'now' }, prorationBehavior: 'always_invoice', tax: noTax });
    expect(preview).toMatchObject({ totalNow: -1050, amountDueNow: 0 }); // −1485 + 435
    expect(preview.invoice!.creditGenerated).toBe(1050);
  });

  it('seats: increase now, decrease at period end', () => {
    const sub = subscription({ items: [item(seats, 5)] });
    const up = previewPlanChange({ subscription: sub, newItems: [item(seats, 8)], atMs: at('2026-11-16T00:00:00Z'), products });
    expect(up.kind).toBe('seat_increase');
    expect(amounts(up.lines)).toEqual([-2500, 4000]); // 15 of 30 days: −5000 × 0.5, +8000 × 0.5
    const down = previewPlanChange({ subscription: sub, newItems: [item(seats, 3)], atMs: at('2026-11-16T00:00:00Z') });
    expect(down).toMatchObject({ kind: 'seat_decrease', effective: 'period_end', lines: [] });
    expect(amounts(down.nextInvoiceLines)).toEqual([3000]);
  });

  it('monthly → yearly starts a new cycle now: unused month credited, first year invoiced now', () => {
    const preview = previewPlanChange({ subscription: subscription(), newItems: [item(proYearly)], atMs: AT, products });
    expect(preview).toMatchObject({ kind: 'interval_change', effective: 'now', invoiceNow: true, totalNow: 28565 }); // −435 + 29000
    expect(descriptions(preview.lines)).toEqual(['Unused time on Pro (26 Nov 2026 – 1 Dec 2026)', 'Pro (26 Nov 2026 – 26 Nov 2027)']);
    expect(preview.lines[1]).toMatchObject({ kind: 'subscription', amount: 29000, period: { startMs: AT, endMs: at('2027-11-26T12:00:00Z') } });
    expect(preview.resultingSubscription).toMatchObject({ anchorMs: AT, currentPeriod: { startMs: AT, endMs: at('2027-11-26T12:00:00Z') } });
    expect(descriptions(preview.nextInvoiceLines)).toEqual(['Pro (26 Nov 2027 – 26 Nov 2028)']);
    const none = previewPlanChange({ subscription: subscription(), newItems: [item(proYearly)], atMs: AT, prorationBehavior: 'none' });
    expect(amounts(none.lines)).toEqual([29000]);
  });

  it("prorationBehavior 'none' swaps now with no lines", () => {
    const preview = previewPlanChange({ subscription: subscription(), newItems: [item(enterprise)], atMs: AT, prorationBehavior: 'none' });
    expect(preview).toMatchObject({ effective: 'now', lines: [], invoiceNow: false });
    expect(preview.resultingSubscription.items).toEqual([item(enterprise)]);
  });

  it('during a trial the change is immediate and free; billing starts at the trial end', () => {
    const trialEndMs = at('2026-11-15T00:00:00Z');
    const sub = subscription({ status: 'trialing', trialEndMs, currentPeriod: { startMs: at('2026-11-01T00:00:00Z'), endMs: trialEndMs } });
    const preview = previewPlanChange({ subscription: sub, newItems: [item(enterprise)], atMs: at('2026-11-05T00:00:00Z'), products });
    expect(preview).toMatchObject({ effective: 'now', lines: [] });
    expect(descriptions(preview.nextInvoiceLines)).toEqual(['Enterprise (15 Nov 2026 – 15 Dec 2026)']);
  });

  it('a change now replaces a scheduled one; a subscription set to cancel has no renewal lines', () => {
    const scheduled = applyPlanChange({ subscription: subscription({ items: [item(enterprise)] }), newItems: [item(pro)], atMs: AT }).subscription;
    expect(scheduled.scheduledChange).toBeDefined();
    const now = applyPlanChange({ subscription: scheduled, newItems: [item(seats, 20)], atMs: AT, policy: { upgrade: 'now' } });
    expect(now.subscription.scheduledChange).toBeUndefined();
    const canceling = subscription({ cancelAtPeriodEnd: true, canceledAtMs: AT });
    expect(amounts(previewPlanChange({ subscription: canceling, newItems: [item(enterprise)], atMs: AT }).nextInvoiceLines)).toEqual([-435, 1485]);
  });

  it('refuses what cannot change', () => {
    expect(() => previewPlanChange({ subscription: subscription({ status: 'canceled' }), newItems: [item(enterprise)], atMs: AT })).toThrow(InvalidTransitionError);
    expect(() => previewPlanChange({ subscription: subscription({ status: 'paused' }), newItems: [item(enterprise)], atMs: AT })).toThrow(InvalidTransitionError);
    expect(() => previewPlanChange({ subscription: subscription(), newItems: [item(enterprise)], atMs: END })).toThrow(InvalidTransitionError);
    expect(() => previewPlanChange({ subscription: subscription(), newItems: [item(enterprise)], atMs: at('2026-10-31T00:00:00Z') })).toThrow(InvalidInputError);
    expect(() => previewPlanChange({ subscription: subscription(), newItems: [item(pro)], atMs: AT })).toThrow(/current items/);
    expect(() => previewPlanChange({ subscription: subscription(), newItems: [item(flatPrice('usd', 'prod_ent', 9900, monthly, 'USD'))], atMs: AT })).toThrow(/currency/);
  });
});

describe('previewPlanChange: properties', () => {
  const behaviors: ProrationBehavior[] = ['create_prorations', 'always_invoice', 'none'];
  const priceArb = fc
    .record({
      amount: fc.integer({ min: 0, max: 5_000_000 }),
      seat: fc.boolean(),
      yearly: fc.boolean(),
      n: fc.integer({ min: 0, max: 2 }),
    })
    .map(({ amount, seat, yearly: y, n }): Price =>
      (seat ? seatPrice : flatPrice)(`price_${n}_${seat}_${y}`, `prod_${n}`, amount, y ? yearly : monthly),
    );
  const scenario = fc
    .record({
      oldPrice: priceArb,
      newPrice: priceArb,
      oldQty: fc.integer({ min: 1, max: 50 }),
      newQty: fc.integer({ min: 1, max: 50 }),
      offsetS: fc.integer({ min: 0, max: 30 * 86_400 - 1 }),
      behavior: fc.constantFrom(...behaviors),
      timings: fc.array(fc.constantFrom('now' as const, 'period_end' as const), { minLength: 6, maxLength: 6 }),
    })
    .map((s): PlanChangeInput | null => {
      const oldItems = [item(s.oldPrice, s.oldQty)];
      const newItems = [item(s.newPrice, s.newQty)];
      const start = at('2026-11-01T00:00:00Z');
      const endMs = s.oldPrice.recurring!.interval.unit === 'year' ? at('2027-11-01T00:00:00Z') : END;
      const sub: Subscription = subscription({ items: oldItems, currentPeriod: { startMs: start, endMs } });
      if (oldItems[0]!.priceId === newItems[0]!.priceId && s.oldQty === s.newQty) return null;
      const [upgrade, downgrade, seatIncrease, seatDecrease, intervalChange, lateral] = s.timings as ('now' | 'period_end')[];
      return {
        subscription: sub,
        newItems,
        atMs: start + s.offsetS * 1000,
        prorationBehavior: s.behavior,
        policy: { upgrade: upgrade!, downgrade: downgrade!, seat_increase: seatIncrease!, seat_decrease: seatDecrease!, interval_change: intervalChange!, lateral: lateral! },
      };
    })
    .filter((input): input is PlanChangeInput => input !== null);

  it('the preview returns exactly what applying does', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const preview = previewPlanChange(input);
        const applied = applyPlanChange(input);
        expect(preview.lines).toEqual(applied.lines);
        expect(preview.invoiceNow).toBe(applied.invoiceNow);
        expect(preview.resultingSubscription).toEqual(applied.subscription);
        expect(preview.effectiveAtMs).toBe(applied.effectiveAtMs);
      }),
      { numRuns: 300 },
    );
  });

  it('all money is integer minor units, and the totals add up', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const preview = previewPlanChange({ ...input, tax: vat21 });
        for (const l of [...preview.lines, ...preview.nextInvoiceLines]) expect(Number.isSafeInteger(l.amount)).toBe(true);
        expect(Number.isSafeInteger(preview.totalNow)).toBe(true);
        expect(Number.isSafeInteger(preview.amountDueNow)).toBe(true);
        const sum = preview.lines.reduce((s, l) => s + l.amount, 0);
        expect(preview.totalNow).toBe(preview.invoiceNow ? sum : 0);
        if (preview.effective === 'period_end') expect(preview.lines).toEqual([]);
        if (!preview.invoiceNow) expect(preview.nextInvoiceLines.slice(0, preview.lines.length)).toEqual(preview.lines);
        if (preview.invoice) expect(preview.amountDueNow).toBe(preview.invoice.amountDue);
      }),
      { numRuns: 300 },
    );
  });

  it('an upgrade undone at the same instant nets to 0 ± 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 30 * 86_400 - 1 }),
        fc.integer({ min: 1, max: 20 }),
        (a, b, offsetS, qty) => {
          fc.pre(a !== b);
          const from = seatPrice('price_a', 'prod_a', a);
          const to = seatPrice('price_b', 'prod_b', b);
          const atMs = at('2026-11-01T00:00:00Z') + offsetS * 1000;
          const all = { upgrade: 'now', downgrade: 'now' } as const;
          const first = applyPlanChange({ subscription: subscription({ items: [item(from, qty)] }), newItems: [item(to, qty)], atMs, policy: all });
          const back = applyPlanChange({ subscription: first.subscription, newItems: [item(from, qty)], atMs, policy: all });
          const net = [...first.lines, ...back.lines].reduce((s, l) => s + l.amount, 0);
          expect(Math.abs(net)).toBeLessThanOrEqual(1);
          expect(back.subscription.items).toEqual([item(from, qty)]);
        },
      ),
    );
  });
});
