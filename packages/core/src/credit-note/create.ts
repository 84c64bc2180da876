import { InvalidInputError, InvariantError } from '../errors/index.js';
import { assertInvoiceInvariants, summarizeTaxes, type Invoice, type InvoiceLine } from '../invoice/index.js';
import { allocate, assertMinor } from '../money/index.js';
import type { CreditNote, CreditNoteLine, CreditNoteReason, CreditNoteRequest } from './types.js';

const reasons: readonly string[] = ['duplicate', 'fraudulent', 'order_change', 'product_unsatisfactory'];

/** A line can be credited when it charged something and none of its parts is negative. */
function creditable(line: InvoiceLine): boolean {
  return line.totalAmount > 0 && line.netAmount >= 0 && line.taxes.every((t) => t.amount >= 0);
}

/** Splits a gross credit on a line into net and taxes in the line's own proportions (exact when whole). */
function creditLine(line: InvoiceLine, lineIndex: number, amount: number): CreditNoteLine {
  const [netAmount, ...taxParts] = allocate(amount, [line.netAmount, ...line.taxes.map((t) => t.amount)]);
  return {
    lineIndex,
    description: line.description,
    amount,
    netAmount: netAmount!,
    taxes: line.taxes.map((t, k) => ({ ...t, amount: taxParts[k]!, taxableAmount: netAmount! })),
  };
}

function positiveAmount(value: number, param: string): number {
  assertMinor(value, param);
  if (value <= 0) throw new InvalidInputError(`${param} must be positive`, param);
  return value;
}

function requestedLines(invoice: Invoice, request: NonNullable<CreditNoteRequest['lines']>): CreditNoteLine[] {
  const seen = new Set<number>();
  return request.map(({ lineIndex, amount }, i) => {
    const line = invoice.lines[lineIndex];
    if (!Number.isInteger(lineIndex) || line === undefined) throw new InvalidInputError(`lines[${i}].lineIndex is not a line of the invoice`, `lines[${i}].lineIndex`);
    if (seen.has(lineIndex)) throw new InvalidInputError(`lines[${i}].lineIndex repeats line ${lineIndex}`, `lines[${i}].lineIndex`);
    seen.add(lineIndex);
    if (!creditable(line)) throw new InvalidInputError(`Line ${lineIndex} charged nothing to credit`, `lines[${i}].lineIndex`);
    positiveAmount(amount, `lines[${i}].amount`);
    if (amount > line.totalAmount) {
      throw new InvalidInputError(`lines[${i}].amount ${amount} exceeds the line's total ${line.totalAmount}`, `lines[${i}].amount`);
    }
    return creditLine(line, lineIndex, amount);
  });
}

/** Spreads a gross amount over the charged lines by their totals; each part stays within its line. */
function spreadLines(invoice: Invoice, amount: number): CreditNoteLine[] {
  const indexes = invoice.lines.flatMap((l, i) => (creditable(l) ? [i] : []));
  const room = indexes.reduce((s, i) => s + invoice.lines[i]!.totalAmount, 0);
  if (amount > room) throw new InvalidInputError(`amount ${amount} exceeds what the invoice's lines charged (${room})`, 'amount');
  const parts = allocate(amount, indexes.map((i) => invoice.lines[i]!.totalAmount));
  return indexes.flatMap((lineIndex, k) => (parts[k]! > 0 ? [creditLine(invoice.lines[lineIndex]!, lineIndex, parts[k]!)] : []));
}

/**
 * Creates a credit note against `invoice` (checked with `assertInvoiceInvariants` first):
 * - `request.lines`: given gross amounts on given lines, each at most the line's total;
 * - `request.amount`: a gross amount spread over the charged lines by largest remainder;
 * - neither: a full credit of everything paid and not yet credited.
 * Each line's credit reverses its taxes in proportion (largest remainder over net and taxes, so
 * crediting a whole line reverses exactly its tax). The total may not exceed
 * `amountPaid − alreadyCreditedAmount` (else {@link InvalidInputError} param `amount`).
 * Per-line history is not known here: the cap is over the invoice as a whole.
 *
 * @example createCreditNote(invoice, { amount: 1190, reason: 'product_unsatisfactory' }, 0, invoice.total)
 */
export function createCreditNote(invoice: Invoice, request: CreditNoteRequest, alreadyCreditedAmount: number, amountPaid: number): CreditNote {
  assertInvoiceInvariants(invoice);
  assertMinor(amountPaid, 'amountPaid');
  if (amountPaid < 0 || amountPaid > Math.max(invoice.total, 0)) {
    throw new InvalidInputError(`amountPaid must be between 0 and the invoice total ${Math.max(invoice.total, 0)}`, 'amountPaid');
  }
  assertMinor(alreadyCreditedAmount, 'alreadyCreditedAmount');
  if (alreadyCreditedAmount < 0) throw new InvalidInputError('alreadyCreditedAmount must not be negative', 'alreadyCreditedAmount');
  if (request.reason !== undefined && !reasons.includes(request.reason)) {
    throw new InvalidInputError(`reason must be one of ${reasons.join(', ')}`, 'reason');
  }
  const available = Math.max(amountPaid - alreadyCreditedAmount, 0);

  let lines: CreditNoteLine[];
  if (request.lines !== undefined) {
    if (request.lines.length === 0) throw new InvalidInputError('lines must not be empty', 'lines');
    lines = requestedLines(invoice, request.lines);
    const sum = lines.reduce((s, l) => s + l.amount, 0);
    if (request.amount !== undefined && request.amount !== sum) {
      throw new InvalidInputError(`amount ${request.amount} differs from the sum of lines ${sum}`, 'amount');
    }
  } else {
    const amount = request.amount === undefined ? available : positiveAmount(request.amount, 'amount');
    if (amount <= 0) throw new InvalidInputError('Nothing is left to credit on this invoice', 'amount');
    if (amount > available) throw new InvalidInputError(`amount ${amount} exceeds what is left to credit (${available})`, 'amount');
    lines = spreadLines(invoice, amount);
  }

  const total = lines.reduce((s, l) => s + l.amount, 0);
  if (total > available) throw new InvalidInputError(`The credit ${total} exceeds what is left to credit (${available})`, 'amount');
  const subtotal = lines.reduce((s, l) => s + l.netAmount, 0);
  const allTaxes = lines.flatMap((l) => l.taxes);
  const note: CreditNote = {
    currency: invoice.currency,
    reason: (request.reason as CreditNoteReason | undefined) ?? null,
    lines,
    subtotal,
    tax: allTaxes.reduce((s, t) => s + t.amount, 0),
    total,
    taxBreakdown: summarizeTaxes(allTaxes),
    remainingCreditable: available - total,
  };
  assertCreditNoteInvariants(note);
  return note;
}

/**
 * Re-checks a credit note: integer, non-negative amounts; each line's net + taxes = its amount;
 * subtotal, tax and total are the sums of the lines and `total = subtotal + tax`; the tax
 * breakdown sums the line taxes. Throws {@link InvariantError}.
 */
export function assertCreditNoteInvariants(note: CreditNote): void {
  const money = (v: number, what: string): void => {
    if (!Number.isSafeInteger(v) || v < 0) throw new InvariantError(`${what} must be a non-negative integer, got ${v}`);
  };
  note.lines.forEach((l, i) => {
    money(l.amount, `lines[${i}].amount`);
    money(l.netAmount, `lines[${i}].netAmount`);
    l.taxes.forEach((t, k) => money(t.amount, `lines[${i}].taxes[${k}].amount`));
    if (l.netAmount + l.taxes.reduce((s, t) => s + t.amount, 0) !== l.amount) throw new InvariantError(`lines[${i}]: net + taxes ≠ amount`);
  });
  for (const f of ['subtotal', 'tax', 'total', 'remainingCreditable'] as const) money(note[f], f);
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  if (note.subtotal !== sum(note.lines.map((l) => l.netAmount))) throw new InvariantError('subtotal ≠ Σ line net amounts');
  if (note.tax !== sum(note.lines.flatMap((l) => l.taxes.map((t) => t.amount)))) throw new InvariantError('tax ≠ Σ line taxes');
  if (note.total !== note.subtotal + note.tax || note.total !== sum(note.lines.map((l) => l.amount))) throw new InvariantError('total ≠ subtotal + tax');
  if (sum(note.taxBreakdown.map((t) => t.amount)) !== note.tax) throw new InvariantError('taxBreakdown ≠ tax');
}
