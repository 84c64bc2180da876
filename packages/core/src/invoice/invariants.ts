import { InvariantError } from '../errors/index.js';
import { isCurrencyCode } from '../money/index.js';
import type { TaxAmount } from '../tax/index.js';
import { sameTaxGroup, summarizeTaxes } from './tax-breakdown.js';
import type { Invoice, InvoiceLine } from './types.js';

// Every check below runs on every built invoice, so each one costs a comparison when it holds:
// messages (and the paths in them) are only put together once something is already wrong.

const isInt = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value);

function notInt(what: string, value: unknown): never {
  throw new InvariantError(`${what} is not an integer: ${String(value)}`);
}

function notSame(what: string, actual: number, expected: number): never {
  throw new InvariantError(`${what} is ${actual}, expected ${expected}`);
}

function checkLine(line: InvoiceLine, i: number): void {
  const behavior = line.taxBehavior;
  if (behavior !== 'inclusive' && behavior !== 'exclusive') {
    throw new InvariantError(`lines[${i}].taxBehavior must be inclusive or exclusive, got ${String(behavior)}`);
  }
  if (!isInt(line.amount)) notInt(`lines[${i}].amount`, line.amount);
  if (!isInt(line.quantity)) notInt(`lines[${i}].quantity`, line.quantity);
  if (!isInt(line.discountAmount)) notInt(`lines[${i}].discountAmount`, line.discountAmount);
  if (!isInt(line.netAmount)) notInt(`lines[${i}].netAmount`, line.netAmount);
  if (!isInt(line.totalAmount)) notInt(`lines[${i}].totalAmount`, line.totalAmount);
  if (line.discountAmount < 0) throw new InvariantError(`lines[${i}].discountAmount is negative`);
  if (line.discountAmount > Math.max(line.amount, 0)) throw new InvariantError(`lines[${i}].discountAmount exceeds what the line charges`);
  const inclusive = behavior === 'inclusive';
  const taxes = line.taxes;
  let taxSum = 0;
  for (let k = 0; k < taxes.length; k++) {
    const tax = taxes[k]!;
    if (!isInt(tax.amount)) notInt(`lines[${i}].taxes[${k}].amount`, tax.amount);
    if (!isInt(tax.taxableAmount)) notInt(`lines[${i}].taxes[${k}].taxableAmount`, tax.taxableAmount);
    if (tax.inclusive !== inclusive) throw new InvariantError(`lines[${i}].taxes[${k}].inclusive disagrees with the line's taxBehavior`);
    taxSum += tax.amount;
  }
  const afterDiscount = line.amount - line.discountAmount;
  const expectedNet = inclusive ? afterDiscount - taxSum : afterDiscount;
  if (line.netAmount !== expectedNet) notSame(`lines[${i}].netAmount`, line.netAmount, expectedNet);
  if (line.totalAmount !== line.netAmount + taxSum) notSame(`lines[${i}].totalAmount`, line.totalAmount, line.netAmount + taxSum);
}

/** Above this many breakdown rows a keyed summary beats scanning the rows for each tax. */
const SCAN_ROWS_LIMIT = 8;

/** Same row content as the summary box would have: the five key fields and both sums. */
function sameRow(a: TaxAmount, b: TaxAmount): boolean {
  return sameTaxGroup(a, b) && a.amount === b.amount && a.taxableAmount === b.taxableAmount;
}

/**
 * Whether `breakdown` is exactly what {@link summarizeTaxes} makes of the lines' taxes: the
 * same rows, in order of first appearance, with the same sums. For the usual handful of rows
 * it scans them instead of building a summary, so nothing is allocated but two small arrays.
 */
function breakdownMatches(lines: readonly InvoiceLine[], breakdown: readonly TaxAmount[]): boolean {
  if (breakdown.length > SCAN_ROWS_LIMIT) {
    const expected = summarizeTaxes(lines.flatMap((l) => l.taxes));
    return expected.length === breakdown.length && expected.every((row, k) => sameRow(row, breakdown[k]!));
  }
  const amounts: number[] = [];
  const taxables: number[] = [];
  for (const line of lines) {
    for (const tax of line.taxes) {
      // The row is the first one of the tax's group; rows are met in the order they appear.
      let row = 0;
      while (row < amounts.length && !sameTaxGroup(breakdown[row]!, tax)) row++;
      if (row === amounts.length) {
        if (row >= breakdown.length || !sameTaxGroup(breakdown[row]!, tax)) return false;
        amounts.push(0);
        taxables.push(0);
      }
      amounts[row]! += tax.amount;
      taxables[row]! += tax.taxableAmount;
    }
  }
  if (amounts.length !== breakdown.length) return false;
  for (let k = 0; k < amounts.length; k++) {
    if (breakdown[k]!.amount !== amounts[k] || breakdown[k]!.taxableAmount !== taxables[k]) return false;
  }
  return true;
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
  const lines = invoice.lines;
  let subtotal = 0;
  let totalDiscount = 0;
  let totalExcludingTax = 0;
  let tax = 0;
  let totalOfLines = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    checkLine(line, i);
    // Summed tax by tax, in invoice order, like the totals are built (identical past 2^53 too).
    for (const t of line.taxes) tax += t.amount;
    subtotal += line.amount;
    totalDiscount += line.discountAmount;
    totalExcludingTax += line.netAmount;
    totalOfLines += line.totalAmount;
  }
  if (!isInt(invoice.subtotal)) notInt('subtotal', invoice.subtotal);
  if (!isInt(invoice.totalDiscount)) notInt('totalDiscount', invoice.totalDiscount);
  if (!isInt(invoice.totalExcludingTax)) notInt('totalExcludingTax', invoice.totalExcludingTax);
  if (!isInt(invoice.tax)) notInt('tax', invoice.tax);
  if (!isInt(invoice.total)) notInt('total', invoice.total);
  if (!isInt(invoice.creditApplied)) notInt('creditApplied', invoice.creditApplied);
  if (!isInt(invoice.amountDue)) notInt('amountDue', invoice.amountDue);
  if (!isInt(invoice.creditGenerated)) notInt('creditGenerated', invoice.creditGenerated);
  if (invoice.subtotal !== subtotal) notSame('subtotal', invoice.subtotal, subtotal);
  if (invoice.totalDiscount !== totalDiscount) notSame('totalDiscount', invoice.totalDiscount, totalDiscount);
  if (invoice.totalExcludingTax !== totalExcludingTax) notSame('totalExcludingTax', invoice.totalExcludingTax, totalExcludingTax);
  if (invoice.tax !== tax) notSame('tax', invoice.tax, tax);
  if (invoice.total !== invoice.totalExcludingTax + invoice.tax) notSame('total', invoice.total, invoice.totalExcludingTax + invoice.tax);
  if (invoice.total !== totalOfLines) notSame('total (Σ line totals)', invoice.total, totalOfLines);

  const breakdown = invoice.taxBreakdown;
  for (let k = 0; k < breakdown.length; k++) {
    const row = breakdown[k]!;
    if (!isInt(row.amount)) notInt(`taxBreakdown[${k}].amount`, row.amount);
    if (!isInt(row.taxableAmount)) notInt(`taxBreakdown[${k}].taxableAmount`, row.taxableAmount);
  }
  if (!breakdownMatches(lines, breakdown)) throw new InvariantError('taxBreakdown does not sum the line taxes');

  const chargeable = Math.max(invoice.total, 0);
  if (invoice.creditApplied < 0 || invoice.creditApplied > chargeable) {
    throw new InvariantError(`creditApplied ${invoice.creditApplied} is outside [0, ${chargeable}]`);
  }
  const amountDue = Math.max(invoice.total - invoice.creditApplied, 0);
  if (invoice.amountDue !== amountDue) notSame('amountDue', invoice.amountDue, amountDue);
  const creditGenerated = invoice.total < 0 ? -invoice.total : 0;
  if (invoice.creditGenerated !== creditGenerated) notSame('creditGenerated', invoice.creditGenerated, creditGenerated);
  if (!Array.isArray(invoice.notes) || typeof invoice.reverseCharge !== 'boolean') throw new InvariantError('notes or reverseCharge missing');
}
