import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { InvalidInputError, InvariantError } from '../errors/index.js';
import { buildInvoice, type Invoice, type InvoiceLineDraft } from '../invoice/index.js';
import { divideRoundHalfUp } from '../money/index.js';
import type { TaxCalculator } from '../tax/index.js';
import { assertCreditNoteInvariants, createCreditNote } from './create.js';

const vat19: TaxCalculator = (input) => ({
  lines: input.lines.map((l) => {
    const amount = Number(divideRoundHalfUp(BigInt(l.amount) * 19n, l.inclusive ? 119n : 100n));
    return {
      index: l.index,
      taxes: [{ amount, taxableAmount: l.inclusive ? l.amount - amount : l.amount, ratePercent: '19', type: 'vat' as const, label: 'USt. 19%', jurisdiction: 'DE', inclusive: l.inclusive }],
    };
  }),
});
const line = (amount: number, patch: Partial<InvoiceLineDraft> = {}): InvoiceLineDraft => ({
  kind: 'subscription',
  description: `line ${amount}`,
  amount,
  quantity: 1,
  taxBehavior: 'exclusive',
  ...patch,
});
const build = (lines: InvoiceLineDraft[]): Invoice => buildInvoice({ currency: 'EUR', atMs: Date.UTC(2026, 0, 1), lines }, vat19);

// 1000 + 190 VAT = 1190; 500 + 95 = 595; total 1785
const invoice = build([line(1000), line(500)]);

describe('createCreditNote', () => {
  it('fully credits a paid invoice, reversing exactly its tax', () => {
    const note = createCreditNote(invoice, { reason: 'duplicate' }, 0, 1785);
    expect(note).toMatchObject({ reason: 'duplicate', subtotal: 1500, tax: 285, total: 1785, remainingCreditable: 0 });
    expect(note.lines.map((l) => [l.lineIndex, l.amount, l.netAmount, l.taxes[0]?.amount])).toEqual([
      [0, 1190, 1000, 190],
      [1, 595, 500, 95],
    ]);
    expect(note.taxBreakdown).toEqual([expect.objectContaining({ amount: 285, taxableAmount: 1500, label: 'USt. 19%' })]);
  });

  it('credits part of one line with a proportional tax reversal', () => {
    // 119 gross on a 1000 + 190 line: allocate(119, [1000, 190]) = 100 + 19
    const note = createCreditNote(invoice, { lines: [{ lineIndex: 0, amount: 119 }] }, 0, 1785);
    expect(note.lines).toEqual([
      { lineIndex: 0, description: 'line 1000', amount: 119, netAmount: 100, taxes: [expect.objectContaining({ amount: 19, taxableAmount: 100 })] },
    ]);
    expect(note).toMatchObject({ subtotal: 100, tax: 19, total: 119, remainingCreditable: 1666 }); // 1785 − 119
  });

  it('spreads an amount over the charged lines', () => {
    // 1000 over totals 1190 : 595 = 2 : 1 → 667 + 333 (largest remainder); 667 → 561 net + 106 tax (allocate over 1000 : 190)
    const note = createCreditNote(invoice, { amount: 1000 }, 0, 1785);
    expect(note.lines.map((l) => [l.amount, l.netAmount, l.taxes[0]?.amount])).toEqual([
      [667, 561, 106],
      [333, 280, 53],
    ]);
    expect(note.total).toBe(1000);
  });

  it('never credits more than was paid minus credited before', () => {
    // 1785 − 800 = 985 left: exactly 985 is fine and leaves 0, 986 is one too many
    expect(createCreditNote(invoice, { amount: 985 }, 800, 1785)).toMatchObject({ total: 985, remainingCreditable: 0 });
    expect(() => createCreditNote(invoice, { amount: 986 }, 800, 1785)).toThrow(expect.objectContaining({ param: 'amount' }));
    // a full credit after a partial one credits only the rest
    expect(createCreditNote(invoice, {}, 800, 1785).total).toBe(985);
  });

  it('skips credit lines when spreading and refuses to credit them by index', () => {
    const withCredit = build([line(2000), line(-500, { kind: 'proration' })]); // 2380 − 595 = 1785
    const note = createCreditNote(withCredit, {}, 0, 1785);
    expect(note.lines.map((l) => [l.lineIndex, l.amount])).toEqual([[0, 1785]]);
    expect(() => createCreditNote(withCredit, { lines: [{ lineIndex: 1, amount: 100 }] }, 0, 1785)).toThrow(
      expect.objectContaining({ param: 'lines[0].lineIndex' }),
    );
  });

  it('rejects bad requests with their param', () => {
    const err = (fn: () => unknown, param: string) => {
      expect(fn).toThrow(InvalidInputError);
      expect(fn).toThrow(expect.objectContaining({ param }));
    };
    err(() => createCreditNote(invoice, { amount: 1000 }, 800, 1785), 'amount'); // 1785 − 800 = 985 < 1000
    err(() => createCreditNote(invoice, { lines: [{ lineIndex: 0, amount: 1190 }, { lineIndex: 1, amount: 595 }] }, 1, 1785), 'amount'); // 1785 > 1784
    err(() => createCreditNote(invoice, {}, 1785, 1785), 'amount'); // nothing left
    err(() => createCreditNote(invoice, { amount: 100 }, 0, 50), 'amount'); // only 50 paid
    err(() => createCreditNote(invoice, { amount: 0 }, 0, 1785), 'amount');
    err(() => createCreditNote(invoice, { amount: 10, lines: [{ lineIndex: 0, amount: 11 }] }, 0, 1785), 'amount');
    err(() => createCreditNote(invoice, { lines: [{ lineIndex: 0, amount: 1191 }] }, 0, 1785), 'lines[0].amount');
    err(() => createCreditNote(invoice, { lines: [{ lineIndex: 0, amount: 1.5 }] }, 0, 1785), 'lines[0].amount');
    err(() => createCreditNote(invoice, { lines: [{ lineIndex: 2, amount: 1 }] }, 0, 1785), 'lines[0].lineIndex');
    err(() => createCreditNote(invoice, { lines: [{ lineIndex: 0, amount: 1 }, { lineIndex: 0, amount: 1 }] }, 0, 1785), 'lines[1].lineIndex');
    err(() => createCreditNote(invoice, {}, 0, 1786), 'amountPaid');
    err(() => createCreditNote(invoice, {}, -1, 1785), 'alreadyCreditedAmount');
    err(() => createCreditNote(invoice, { reason: 'whim' as 'duplicate' }, 0, 1785), 'reason');
  });

  it('refuses an invoice whose invariants are broken', () => {
    expect(() => createCreditNote({ ...invoice, total: invoice.total + 1 }, {}, 0, 100)).toThrow(InvariantError);
  });

  it('checks its own invariants', () => {
    const note = createCreditNote(invoice, {}, 0, 1785);
    expect(() => assertCreditNoteInvariants({ ...note, total: note.total - 1 })).toThrow(InvariantError);
    expect(() => assertCreditNoteInvariants({ ...note, lines: [{ ...note.lines[0]!, netAmount: 999 }, note.lines[1]!] })).toThrow(InvariantError);
  });
});

describe('properties', () => {
  const invoiceArb = fc
    .array(fc.record({ amount: fc.integer({ min: -50_000, max: 500_000 }), inclusive: fc.boolean() }), { minLength: 1, maxLength: 8 })
    .map((ls) => build(ls.map((l) => line(l.amount, { taxBehavior: l.inclusive ? 'inclusive' : 'exclusive' }))))
    .filter((inv) => inv.total > 0);

  it('a series of partial credit notes never exceeds what was paid, and each adds up exactly', () => {
    fc.assert(
      fc.property(invoiceArb, fc.array(fc.integer({ min: 1, max: 300_000 }), { minLength: 1, maxLength: 6 }), fc.double({ min: 0, max: 1, noNaN: true }), (inv, amounts, paidShare) => {
        const paid = Math.floor(inv.total * paidShare);
        let credited = 0;
        for (const amount of amounts) {
          let note;
          try {
            note = createCreditNote(inv, { amount }, credited, paid);
          } catch (error) {
            expect((error as InvalidInputError).param).toBe('amount');
            expect(amount).toBeGreaterThan(paid - credited);
            continue;
          }
          expect(note.total).toBe(amount);
          expect(note.total).toBe(note.subtotal + note.tax);
          for (const l of note.lines) {
            const original = inv.lines[l.lineIndex]!;
            expect(l.amount).toBeLessThanOrEqual(original.totalAmount);
            expect(l.netAmount).toBeLessThanOrEqual(original.netAmount);
            l.taxes.forEach((t, k) => expect(t.amount).toBeLessThanOrEqual(original.taxes[k]!.amount));
          }
          credited += note.total;
          expect(note.remainingCreditable).toBe(paid - credited);
        }
        expect(credited).toBeLessThanOrEqual(paid);
      }),
    );
  });

  it('crediting every charged line in full reverses exactly its net and taxes', () => {
    fc.assert(
      fc.property(invoiceArb, (inv) => {
        const lines = inv.lines.flatMap((l, lineIndex) => (l.totalAmount > 0 ? [{ lineIndex, amount: l.totalAmount }] : []));
        const total = lines.reduce((s, l) => s + l.amount, 0);
        fc.pre(total <= inv.total); // only possible when there are no credit lines eating into the total
        const note = createCreditNote(inv, { lines }, 0, inv.total);
        for (const l of note.lines) {
          const original = inv.lines[l.lineIndex]!;
          expect(l.netAmount).toBe(original.netAmount);
          expect(l.taxes.map((t) => t.amount)).toEqual(original.taxes.map((t) => t.amount));
        }
      }),
    );
  });
});
