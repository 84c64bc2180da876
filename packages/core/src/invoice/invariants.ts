import { InvariantError } from '../errors/index.js';
import { isCurrencyCode } from '../money/index.js';
import type { TaxAmount } from '../tax/index.js';
import { summarizeTaxes } from './tax-breakdown.js';
import type { Invoice, InvoiceLine } from './types.js';

function int(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new InvariantError(`${what} is not an integer: ${String(value)}`);
  return value;
}

function same(actual: number, expected: number, what: string): void {
  if (actual !== expected) throw new InvariantError(`${what} is ${actual}, expected ${expected}`);
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

function checkTax(tax: TaxAmount, inclusive: boolean, what: string): void {
  int(tax.amount, `${what}.amount`);
  int(tax.taxableAmount, `${what}.taxableAmount`);
  if (tax.inclusive !== inclusive) throw new InvariantError(`${what}.inclusive disagrees with the line's taxBehavior`);
}

function checkLine(line: InvoiceLine, i: number): void {
  const at = `lines[${i}]`;
  if (line.taxBehavior !== 'inclusive' && line.taxBehavior !== 'exclusive') {
    throw new InvariantError(`${at}.taxBehavior must be inclusive or exclusive, got ${String(line.taxBehavior)}`);
  }
  int(line.amount, `${at}.amount`);
  int(line.quantity, `${at}.quantity`);
  int(line.discountAmount, `${at}.discountAmount`);
  int(line.netAmount, `${at}.netAmount`);
  int(line.totalAmount, `${at}.totalAmount`);
  if (line.discountAmount < 0) throw new InvariantError(`${at}.discountAmount is negative`);
  if (line.discountAmount > Math.max(line.amount, 0)) throw new InvariantError(`${at}.discountAmount exceeds what the line charges`);
  const inclusive = line.taxBehavior === 'inclusive';
  line.taxes.forEach((t, k) => checkTax(t, inclusive, `${at}.taxes[${k}]`));
  const taxSum = sum(line.taxes.map((t) => t.amount));
  const afterDiscount = line.amount - line.discountAmount;
  same(line.netAmount, inclusive ? afterDiscount - taxSum : afterDiscount, `${at}.netAmount`);
  same(line.totalAmount, line.netAmount + taxSum, `${at}.totalAmount`);
}

/**
 * Re-checks every invariant of an invoice and throws {@link InvariantError} at the first one
 * broken: one known currency; integer money everywhere; each line's discount within what it
 * charges, its net and total consistent with its taxes (contained for inclusive lines, added
 * for exclusive ones); subtotal, discount, net and tax totals equal the sums of the lines;
 * `total = totalExcludingTax + tax`; the tax breakdown sums the line taxes; credit applied
 * within the total, `amountDue = max(total − creditApplied, 0)`, credit generated = −total
 * when negative. Called where invoices are built and where they are read back.
 */
export function assertInvoiceInvariants(invoice: Invoice): void {
  if (!isCurrencyCode(invoice.currency)) throw new InvariantError(`currency is not an ISO 4217 code: ${String(invoice.currency)}`);
  invoice.lines.forEach(checkLine);
  for (const field of ['subtotal', 'totalDiscount', 'totalExcludingTax', 'tax', 'total', 'creditApplied', 'amountDue', 'creditGenerated'] as const) {
    int(invoice[field], field);
  }
  const lines = invoice.lines;
  same(invoice.subtotal, sum(lines.map((l) => l.amount)), 'subtotal');
  same(invoice.totalDiscount, sum(lines.map((l) => l.discountAmount)), 'totalDiscount');
  same(invoice.totalExcludingTax, sum(lines.map((l) => l.netAmount)), 'totalExcludingTax');
  const allTaxes = lines.flatMap((l) => l.taxes);
  same(invoice.tax, sum(allTaxes.map((t) => t.amount)), 'tax');
  same(invoice.total, invoice.totalExcludingTax + invoice.tax, 'total');
  same(invoice.total, sum(lines.map((l) => l.totalAmount)), 'total (Σ line totals)');

  invoice.taxBreakdown.forEach((t, k) => {
    int(t.amount, `taxBreakdown[${k}].amount`);
    int(t.taxableAmount, `taxBreakdown[${k}].taxableAmount`);
  });
  const expected = summarizeTaxes(allTaxes);
  const key = (t: TaxAmount): string => JSON.stringify([t.label, t.ratePercent, t.jurisdiction, t.inclusive, t.type, t.amount, t.taxableAmount]);
  if (JSON.stringify(invoice.taxBreakdown.map(key)) !== JSON.stringify(expected.map(key))) {
    throw new InvariantError('taxBreakdown does not sum the line taxes');
  }

  if (invoice.creditApplied < 0 || invoice.creditApplied > Math.max(invoice.total, 0)) {
    throw new InvariantError(`creditApplied ${invoice.creditApplied} is outside [0, ${Math.max(invoice.total, 0)}]`);
  }
  same(invoice.amountDue, Math.max(invoice.total - invoice.creditApplied, 0), 'amountDue');
  same(invoice.creditGenerated, invoice.total < 0 ? -invoice.total : 0, 'creditGenerated');
  if (!Array.isArray(invoice.notes) || typeof invoice.reverseCharge !== 'boolean') throw new InvariantError('notes or reverseCharge missing');
}
