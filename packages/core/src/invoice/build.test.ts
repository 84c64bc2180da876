import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Coupon, Discount } from '../catalog/index.js';
import { InvariantError } from '../errors/index.js';
import { divideRoundHalfUp } from '../money/index.js';
import { noTax, type TaxAmount, type TaxCalculator } from '../tax/index.js';
import { buildInvoice } from './build.js';
import { assertInvoiceInvariants } from './invariants.js';
import type { Invoice, InvoiceLineDraft } from './types.js';

const atMs = Date.UTC(2026, 10, 26);

/** A test VAT: `rate` % on exclusive lines, rate/(100+rate) contained in inclusive ones, half-up. */
function vat(rate: number, label = `VAT ${rate}%`, jurisdiction = 'DE'): TaxCalculator {
  return (input) => ({
    lines: input.lines.map((l) => {
      const amount = Number(
        l.inclusive ? divideRoundHalfUp(BigInt(l.amount) * BigInt(rate), BigInt(100 + rate)) : divideRoundHalfUp(BigInt(l.amount) * BigInt(rate), 100n),
      );
      const tax: TaxAmount = {
        amount,
        taxableAmount: l.inclusive ? l.amount - amount : l.amount,
        ratePercent: String(rate),
        type: 'vat',
        label,
        jurisdiction,
        inclusive: l.inclusive,
      };
      return { index: l.index, taxes: [tax] };
    }),
  });
}

const line = (amount: number, patch: Partial<InvoiceLineDraft> = {}): InvoiceLineDraft => ({
  kind: 'subscription',
  description: 'Pro',
  amount,
  quantity: 1,
  taxBehavior: 'exclusive',
  ...patch,
});
const coupon = (patch: Partial<Coupon>): Coupon => ({ id: 'c10', percentOff: '10', duration: 'forever', ...patch });
const disc = (patch: Partial<Coupon>, startMs = atMs - 1000): Discount => ({ coupon: coupon(patch), startMs });

describe('buildInvoice', () => {
  it('adds lines without tax or discount', () => {
    const inv = buildInvoice({ currency: 'EUR', atMs, lines: [line(4500), line(1200)] }, noTax);
    expect(inv).toMatchObject({ subtotal: 5700, totalDiscount: 0, totalExcludingTax: 5700, tax: 0, total: 5700, amountDue: 5700, creditGenerated: 0 });
    expect(inv.taxBreakdown).toEqual([]);
    expect(inv.lines[0]).toMatchObject({ discountAmount: 0, netAmount: 4500, totalAmount: 4500, taxes: [] });
  });

  it('discounts before exclusive tax', () => {
    const inv = buildInvoice({ currency: 'EUR', atMs, lines: [line(1000), line(500)], discounts: [disc({})] }, vat(19));
    // 10 % of 1500 = 150 → 100 + 50; net 900 and 450; VAT 900 × 0.19 = 171, 450 × 0.19 = 85.5 → 86
    expect(inv.lines.map((l) => [l.discountAmount, l.netAmount, l.taxes[0]?.amount, l.totalAmount])).toEqual([
      [100, 900, 171, 1071],
      [50, 450, 86, 536],
    ]);
    expect(inv).toMatchObject({ subtotal: 1500, totalDiscount: 150, totalExcludingTax: 1350, tax: 257, total: 1607, amountDue: 1607 }); // 1350 + 257
    expect(inv.taxBreakdown).toEqual([
      { amount: 257, taxableAmount: 1350, ratePercent: '19', type: 'vat', label: 'VAT 19%', jurisdiction: 'DE', inclusive: false },
    ]);
  });

  it('contains tax in inclusive lines', () => {
    const inv = buildInvoice({ currency: 'EUR', atMs, lines: [line(1190, { taxBehavior: 'inclusive' })] }, vat(19));
    // 1190 × 19 / 119 = 190 contained; net 1000
    expect(inv.lines[0]).toMatchObject({ netAmount: 1000, totalAmount: 1190 });
    expect(inv).toMatchObject({ subtotal: 1190, totalExcludingTax: 1000, tax: 190, total: 1190 });
    // with 20 % off: 1190 − 238 = 952; 952 × 19 / 119 = 152; net 800
    const off = buildInvoice({ currency: 'EUR', atMs, lines: [line(1190, { taxBehavior: 'inclusive' })], discounts: [disc({ percentOff: '20' })] }, vat(19));
    expect(off).toMatchObject({ subtotal: 1190, totalDiscount: 238, totalExcludingTax: 800, tax: 152, total: 952 });
  });

  it('turns a negative total into credit and never discounts credits', () => {
    // proration: unused Pro −3000, remaining Basic +1000, 10 % off the positive line only
    const inv = buildInvoice(
      { currency: 'EUR', atMs, lines: [line(-3000, { kind: 'proration' }), line(1000, { kind: 'proration' })], discounts: [disc({})], creditBalance: 500 },
      vat(19),
    );
    // −3000 → VAT −570; 900 → 171; total −3570 + 1071 = −2499
    expect(inv.lines.map((l) => l.discountAmount)).toEqual([0, 100]);
    expect(inv).toMatchObject({ totalExcludingTax: -2100, tax: -399, total: -2499, creditApplied: 0, amountDue: 0, creditGenerated: 2499 });
  });

  it('applies the credit balance up to the total', () => {
    const base = { currency: 'EUR' as const, atMs, lines: [line(1000)] };
    expect(buildInvoice({ ...base, creditBalance: 300 }, noTax)).toMatchObject({ creditApplied: 300, amountDue: 700 }); // 1000 − 300
    expect(buildInvoice({ ...base, creditBalance: 5000 }, noTax)).toMatchObject({ creditApplied: 1000, amountDue: 0 });
  });

  it('groups the tax breakdown by label, rate, jurisdiction and inclusiveness', () => {
    const calc: TaxCalculator = (input) => {
      const a = vat(19)(input);
      const b = vat(7, 'USt. 7%')(input);
      return { lines: a.lines.map((l) => (l.index === 1 ? b.lines[1]! : l)), notes: ['n'], reverseCharge: false };
    };
    const inv = buildInvoice({ currency: 'EUR', atMs, lines: [line(1000), line(1000), line(2000), line(1190, { taxBehavior: 'inclusive' })] }, calc);
    expect(inv.taxBreakdown.map((t) => [t.label, t.inclusive, t.amount, t.taxableAmount])).toEqual([
      ['VAT 19%', false, 570, 3000], // 190 + 380 on 1000 + 2000
      ['USt. 7%', false, 70, 1000],
      ['VAT 19%', true, 190, 1000],
    ]);
    expect(inv.notes).toEqual(['n']);
  });

  it('applies only discounts active at atMs', () => {
    const lines = [line(1000)];
    const once = disc({ id: 'welcome', duration: 'once' });
    const expired = disc({ id: 'r', duration: 'repeating', durationInMonths: 1 }, Date.UTC(2026, 8, 1)); // ended 1 Oct
    const future = disc({ id: 'f' }, atMs + 1);
    expect(buildInvoice({ currency: 'EUR', atMs, lines, discounts: [once, expired, future] }, noTax).totalDiscount).toBe(100);
    expect(buildInvoice({ currency: 'EUR', atMs, lines, discounts: [once], appliedOnceCouponIds: ['welcome'] }, noTax).totalDiscount).toBe(0);
  });

  it('rejects bad input with its param', () => {
    const bad = (patch: Partial<InvoiceLineDraft>) => () => buildInvoice({ currency: 'EUR', atMs, lines: [line(100, patch)] }, noTax);
    expect(bad({ taxBehavior: 'unspecified' as 'exclusive' })).toThrow(expect.objectContaining({ param: 'lines[0].taxBehavior' }));
    expect(bad({ amount: 10.5 })).toThrow(expect.objectContaining({ param: 'lines[0].amount' }));
    expect(bad({ kind: 'gift' as 'usage' })).toThrow(expect.objectContaining({ param: 'lines[0].kind' }));
    expect(() => buildInvoice({ currency: 'EUR', atMs, lines: [], creditBalance: -1 }, noTax)).toThrow(expect.objectContaining({ param: 'creditBalance' }));
    expect(() => buildInvoice({ currency: 'XYZ' as 'EUR', atMs, lines: [] }, noTax)).toThrow(expect.objectContaining({ param: 'currency' }));
  });

  it('refuses a calculator that breaks the port contract', () => {
    const input = { currency: 'EUR' as const, atMs, lines: [line(1000)] };
    expect(() => buildInvoice(input, () => ({ lines: [{ index: 3, taxes: [] }] }))).toThrow(InvariantError);
    const fractional: TaxCalculator = (i) => {
      const r = vat(19)(i);
      r.lines[0]!.taxes[0]!.amount = 190.5;
      return r;
    };
    expect(() => buildInvoice(input, fractional)).toThrow(InvariantError);
    const flipped: TaxCalculator = (i) => {
      const r = vat(19)(i);
      r.lines[0]!.taxes[0]!.inclusive = true;
      return r;
    };
    expect(() => buildInvoice(input, flipped)).toThrow(InvariantError);
  });
});

describe('assertInvoiceInvariants', () => {
  const good = (): Invoice => buildInvoice({ currency: 'EUR', atMs, lines: [line(1000), line(1190, { taxBehavior: 'inclusive' })], creditBalance: 100 }, vat(19));

  it('accepts a built invoice read back from JSON', () => {
    expect(() => assertInvoiceInvariants(JSON.parse(JSON.stringify(good())) as Invoice)).not.toThrow();
  });

  it('throws on each broken invariant', () => {
    const broken: ((inv: Invoice) => void)[] = [
      (inv) => (inv.total += 1),
      (inv) => (inv.subtotal -= 1),
      (inv) => (inv.tax = 380.5),
      (inv) => (inv.amountDue = 0),
      (inv) => (inv.creditApplied = -1),
      (inv) => (inv.creditGenerated = 5),
      (inv) => (inv.currency = 'EURO' as 'EUR'),
      (inv) => (inv.lines[0]!.netAmount += 1),
      (inv) => (inv.lines[0]!.discountAmount = -1),
      (inv) => (inv.lines[1]!.taxes[0]!.amount += 1),
      (inv) => (inv.lines[0]!.taxBehavior = 'unspecified' as 'exclusive'),
      (inv) => (inv.taxBreakdown = []),
      (inv) => (inv.taxBreakdown[0]!.amount += 1),
    ];
    for (const breakIt of broken) {
      const inv = good();
      breakIt(inv);
      expect(() => assertInvoiceInvariants(inv)).toThrow(InvariantError);
    }
  });
});

describe('properties', () => {
  const linesArb = fc.array(
    fc.record({
      amount: fc.integer({ min: -200_000, max: 2_000_000 }),
      inclusive: fc.boolean(),
      productId: fc.constantFrom('a', 'b'),
    }),
    { maxLength: 10 },
  );
  const couponArb = fc.oneof(
    fc.integer({ min: 1, max: 100 }).map((p) => coupon({ id: `p${p}`, percentOff: String(p) })),
    fc.integer({ min: 0, max: 3_000_000 }).map((a) => coupon({ id: `a${a}`, percentOff: undefined, amountOff: { EUR: a }, appliesToProductIds: ['a'] })),
  );

  it('total = Σ net + Σ tax, all money integers, discounts within eligible amounts, due ≥ 0', () => {
    fc.assert(
      fc.property(linesArb, fc.array(couponArb, { maxLength: 3 }), fc.constantFrom(0, 7, 19, 21, 27), fc.nat({ max: 3_000_000 }), (raw, coupons, rate, credit) => {
        const lines = raw.map((r) => line(r.amount, { taxBehavior: r.inclusive ? 'inclusive' : 'exclusive', productId: r.productId }));
        const inv = buildInvoice(
          { currency: 'EUR', atMs, lines, discounts: coupons.map((c) => ({ coupon: c, startMs: 0 })), creditBalance: credit },
          vat(rate),
        );
        const net = inv.lines.reduce((s, l) => s + l.netAmount, 0);
        const tax = inv.lines.reduce((s, l) => s + l.taxes.reduce((t, x) => t + x.amount, 0), 0);
        expect(inv.total).toBe(net + tax);
        expect(inv.subtotal - inv.totalDiscount).toBe(inv.lines.reduce((s, l) => s + l.amount - l.discountAmount, 0));
        for (const v of [inv.total, inv.tax, inv.amountDue, inv.creditApplied, inv.creditGenerated, ...inv.lines.flatMap((l) => [l.netAmount, l.discountAmount, l.totalAmount])]) {
          expect(Number.isSafeInteger(v)).toBe(true);
        }
        expect(inv.totalDiscount).toBeLessThanOrEqual(raw.reduce((s, r) => s + Math.max(r.amount, 0), 0));
        expect(inv.amountDue).toBeGreaterThanOrEqual(0);
        expect(inv.amountDue + inv.creditApplied - inv.creditGenerated).toBe(inv.total);
        expect(() => assertInvoiceInvariants(JSON.parse(JSON.stringify(inv)) as Invoice)).not.toThrow();
      }),
    );
  });
});
