import { discountLines, isDiscountActive } from '../discount/index.js';
import { InvalidInputError, InvariantError } from '../errors/index.js';
import { assertMinor, checkMinor, isCurrencyCode } from '../money/index.js';
import type { TaxAmount, TaxCalculator } from '../tax/index.js';
import { assertInstant } from '../time/index.js';
import { assertInvoiceInvariants } from './invariants.js';
import { summarizeTaxes } from './tax-breakdown.js';
import type { Invoice, InvoiceInput, InvoiceLine, InvoiceLineDraft } from './types.js';

const kinds: readonly string[] = ['subscription', 'proration', 'usage', 'one_time', 'minimum'];

function checkDraft(line: InvoiceLineDraft, i: number): void {
  const at = `lines[${i}]`;
  if (!kinds.includes(line.kind)) throw new InvalidInputError(`${at}.kind must be one of ${kinds.join(', ')}`, `${at}.kind`);
  assertMinor(line.amount, `${at}.amount`);
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 0) {
    throw new InvalidInputError(`${at}.quantity must be a non-negative integer`, `${at}.quantity`);
  }
  if (line.taxBehavior !== 'inclusive' && line.taxBehavior !== 'exclusive') {
    throw new InvalidInputError(`${at}.taxBehavior must be inclusive or exclusive (resolve unspecified first)`, `${at}.taxBehavior`);
  }
}

/** The calculator's taxes per line index; a line it does not mention is untaxed. */
function taxesByLine(answer: ReturnType<TaxCalculator>, lineCount: number): TaxAmount[][] {
  const byLine: TaxAmount[][] = Array.from({ length: lineCount }, () => []);
  const seen = new Set<number>();
  for (const entry of answer.lines) {
    if (!Number.isInteger(entry.index) || entry.index < 0 || entry.index >= lineCount || seen.has(entry.index)) {
      throw new InvariantError(`The tax calculator answered for an unknown or repeated line index ${entry.index}`);
    }
    seen.add(entry.index);
    entry.taxes.forEach((t, k) => {
      checkMinor(t.amount, `tax of line ${entry.index} [${k}]`);
      checkMinor(t.taxableAmount, `taxable amount of line ${entry.index} [${k}]`);
    });
    byLine[entry.index] = entry.taxes.map((t) => ({ ...t }));
  }
  return byLine;
}

/**
 * Builds an invoice from priced line drafts: discounts first (the input's discounts active at
 * `atMs`, applied in order to positive lines, see `discountLines`), then tax from `tax` on
 * each line's amount after discount, then the totals:
 * - inclusive lines contain their tax: `netAmount = amount − discount − Σ taxes`;
 *   exclusive lines add it: `netAmount = amount − discount`; `totalAmount = net + Σ taxes`;
 * - `total = Σ net + Σ tax`, exactly; the credit balance pays up to the total;
 *   `amountDue = max(total − creditApplied, 0)`; a negative total becomes `creditGenerated`.
 * The result is checked with {@link assertInvoiceInvariants} before it is returned.
 *
 * @example buildInvoice({ currency: 'EUR', atMs, lines: [proLine] }, noTax)
 */
export function buildInvoice(input: InvoiceInput, tax: TaxCalculator): Invoice {
  if (!isCurrencyCode(input.currency)) throw new InvalidInputError(`Unknown currency ${String(input.currency)}`, 'currency');
  assertInstant(input.atMs, 'atMs');
  input.lines.forEach(checkDraft);
  const creditBalance = input.creditBalance ?? 0;
  assertMinor(creditBalance, 'creditBalance');
  if (creditBalance < 0) throw new InvalidInputError('creditBalance must not be negative', 'creditBalance');

  const spent = new Set(input.appliedOnceCouponIds ?? []);
  const coupons = (input.discounts ?? [])
    .filter((d) => isDiscountActive(d, input.atMs, { alreadyApplied: d.coupon.duration === 'once' && spent.has(d.coupon.id) }))
    .map((d) => d.coupon);
  const discounts = discountLines(input.lines, coupons, input.currency);
  const afterDiscount = input.lines.map((l, i) => l.amount - discounts[i]!);

  const answer = tax({
    currency: input.currency,
    atMs: input.atMs,
    lines: input.lines.map((l, index) => ({
      index,
      amount: afterDiscount[index]!,
      inclusive: l.taxBehavior === 'inclusive',
      ...(l.productId !== undefined ? { productId: l.productId } : {}),
      ...(l.taxCode !== undefined ? { taxCode: l.taxCode } : {}),
    })),
  });
  const taxes = taxesByLine(answer, input.lines.length);

  const lines: InvoiceLine[] = input.lines.map((draft, i) => {
    const lineTaxes = taxes[i]!;
    const taxSum = lineTaxes.reduce((s, t) => s + t.amount, 0);
    const netAmount = draft.taxBehavior === 'inclusive' ? afterDiscount[i]! - taxSum : afterDiscount[i]!;
    return { ...draft, discountAmount: discounts[i]!, netAmount, taxes: lineTaxes, totalAmount: netAmount + taxSum };
  });

  const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
  const totalExcludingTax = sum(lines.map((l) => l.netAmount));
  const taxTotal = sum(lines.map((l) => sum(l.taxes.map((t) => t.amount))));
  const total = totalExcludingTax + taxTotal;
  const creditApplied = Math.min(creditBalance, Math.max(total, 0));
  const invoice: Invoice = {
    currency: input.currency,
    lines,
    subtotal: sum(lines.map((l) => l.amount)),
    totalDiscount: sum(discounts),
    totalExcludingTax,
    tax: taxTotal,
    total,
    taxBreakdown: summarizeTaxes(lines.flatMap((l) => l.taxes)),
    creditApplied,
    amountDue: Math.max(total - creditApplied, 0),
    creditGenerated: total < 0 ? -total : 0,
    notes: [...(answer.notes ?? [])],
    reverseCharge: answer.reverseCharge ?? false,
  };
  assertInvoiceInvariants(invoice);
  return invoice;
}
