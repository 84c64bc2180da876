import type { Coupon } from '../catalog/index.js';
import { discountLines, isDiscountActive } from '../discount/index.js';
import { InvalidInputError, InvariantError } from '../errors/index.js';
import { assertMinor, checkMinor, isCurrencyCode } from '../money/index.js';
import type { TaxableLine, TaxAmount, TaxCalculator } from '../tax/index.js';
import { assertInstant } from '../time/index.js';
import { copyTax, keyMask } from './copy.js';
import { assertInvoiceInvariants } from './invariants.js';
import { summarizeTaxes } from './tax-breakdown.js';
import type { Invoice, InvoiceInput, InvoiceLine, InvoiceLineDraft } from './types.js';

const kinds: readonly string[] = ['subscription', 'proration', 'usage', 'one_time', 'minimum'];

// Paths like `lines[3].amount` are only put together when a check fails: this runs per line.
function checkDraft(line: InvoiceLineDraft, i: number): void {
  if (!kinds.includes(line.kind)) throw new InvalidInputError(`lines[${i}].kind must be one of ${kinds.join(', ')}`, `lines[${i}].kind`);
  if (!Number.isSafeInteger(line.amount)) assertMinor(line.amount, `lines[${i}].amount`);
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 0) {
    throw new InvalidInputError(`lines[${i}].quantity must be a non-negative integer`, `lines[${i}].quantity`);
  }
  if (line.taxBehavior !== 'inclusive' && line.taxBehavior !== 'exclusive') {
    throw new InvalidInputError(`lines[${i}].taxBehavior must be inclusive or exclusive (resolve unspecified first)`, `lines[${i}].taxBehavior`);
  }
}

/** The coupons of the input's discounts that are active at `atMs`, in order; spent `once` coupons are skipped. */
function activeCoupons(input: InvoiceInput): Coupon[] {
  const coupons: Coupon[] = [];
  let spent: Set<string> | undefined;
  for (const d of input.discounts ?? []) {
    let alreadyApplied = false;
    if (d.coupon.duration === 'once') {
      spent ??= new Set(input.appliedOnceCouponIds ?? []);
      alreadyApplied = spent.has(d.coupon.id);
    }
    if (isDiscountActive(d, input.atMs, { alreadyApplied })) coupons.push(d.coupon);
  }
  return coupons;
}

/** What the tax calculator sees of a line: its amount after discount, and how it is taxed. */
function taxableLine(draft: InvoiceLineDraft, index: number, amount: number): TaxableLine {
  const line: TaxableLine = { index, amount, inclusive: draft.taxBehavior === 'inclusive' };
  if (draft.productId !== undefined) line.productId = draft.productId;
  if (draft.taxCode !== undefined) line.taxCode = draft.taxCode;
  return line;
}

function checkTaxAmounts(tax: TaxAmount, index: number, k: number): void {
  if (!Number.isSafeInteger(tax.amount)) checkMinor(tax.amount, `tax of line ${index} [${k}]`);
  if (!Number.isSafeInteger(tax.taxableAmount)) checkMinor(tax.taxableAmount, `taxable amount of line ${index} [${k}]`);
}

/** The calculator's taxes per line index, copied; a line it does not mention is untaxed. */
function taxesByLine(answer: ReturnType<TaxCalculator>, lineCount: number): TaxAmount[][] {
  const byLine: (TaxAmount[] | undefined)[] = new Array<TaxAmount[] | undefined>(lineCount);
  for (const entry of answer.lines) {
    const index = entry.index;
    if (!Number.isInteger(index) || index < 0 || index >= lineCount || byLine[index] !== undefined) {
      throw new InvariantError(`The tax calculator answered for an unknown or repeated line index ${index}`);
    }
    const copies: TaxAmount[] = [];
    for (let k = 0; k < entry.taxes.length; k++) {
      const tax = entry.taxes[k]!;
      checkTaxAmounts(tax, index, k);
      copies.push(copyTax(tax));
    }
    byLine[index] = copies;
  }
  for (let i = 0; i < lineCount; i++) byLine[i] ??= [];
  return byLine as TaxAmount[][];
}

/** A draft's fields in declaration order; the first four and `taxBehavior` are required. */
const draftKeys = ['kind', 'description', 'amount', 'quantity', 'priceId', 'productId', 'period', 'taxBehavior', 'taxCode'] as const;
const REQUIRED_DRAFT_KEYS = 0b010001111;

/**
 * The finished line: the draft's fields, then what discount and tax made of it, the same as
 * `{ ...draft, discountAmount, netAmount, taxes, totalAmount }` (see `keyMask` for why not).
 */
function finishLine(draft: InvoiceLineDraft, discountAmount: number, netAmount: number, taxes: TaxAmount[], totalAmount: number): InvoiceLine {
  const mask = keyMask(draft, draftKeys, REQUIRED_DRAFT_KEYS);
  if (mask === -1) return { ...draft, discountAmount, netAmount, taxes, totalAmount };
  const line = { kind: draft.kind, description: draft.description, amount: draft.amount, quantity: draft.quantity } as InvoiceLine;
  if ((mask & 0b10000) !== 0) line.priceId = draft.priceId!;
  if ((mask & 0b100000) !== 0) line.productId = draft.productId!;
  if ((mask & 0b1000000) !== 0) line.period = draft.period!;
  line.taxBehavior = draft.taxBehavior;
  if ((mask & 0b100000000) !== 0) line.taxCode = draft.taxCode!;
  line.discountAmount = discountAmount;
  line.netAmount = netAmount;
  line.taxes = taxes;
  line.totalAmount = totalAmount;
  return line;
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
  const drafts = input.lines;
  for (let i = 0; i < drafts.length; i++) checkDraft(drafts[i]!, i);
  const creditBalance = input.creditBalance ?? 0;
  assertMinor(creditBalance, 'creditBalance');
  if (creditBalance < 0) throw new InvalidInputError('creditBalance must not be negative', 'creditBalance');

  const discounts = discountLines(drafts, activeCoupons(input), input.currency);
  const afterDiscount: number[] = [];
  const taxable: TaxableLine[] = [];
  for (let i = 0; i < drafts.length; i++) {
    afterDiscount.push(drafts[i]!.amount - discounts[i]!);
    taxable.push(taxableLine(drafts[i]!, i, afterDiscount[i]!));
  }
  const answer = tax({ currency: input.currency, atMs: input.atMs, lines: taxable });
  const taxes = taxesByLine(answer, drafts.length);

  const lines: InvoiceLine[] = [];
  const allTaxes: TaxAmount[] = [];
  let subtotal = 0;
  let totalDiscount = 0;
  let totalExcludingTax = 0;
  let taxTotal = 0;
  for (let i = 0; i < drafts.length; i++) {
    const draft = drafts[i]!;
    const lineTaxes = taxes[i]!;
    let taxSum = 0;
    for (const t of lineTaxes) {
      taxSum += t.amount;
      allTaxes.push(t);
    }
    const netAmount = draft.taxBehavior === 'inclusive' ? afterDiscount[i]! - taxSum : afterDiscount[i]!;
    lines.push(finishLine(draft, discounts[i]!, netAmount, lineTaxes, netAmount + taxSum));
    // Each total summed in line order, as the invariants re-add them.
    subtotal += draft.amount;
    totalDiscount += discounts[i]!;
    totalExcludingTax += netAmount;
    taxTotal += taxSum;
  }
  const total = totalExcludingTax + taxTotal;
  const creditApplied = Math.min(creditBalance, Math.max(total, 0));
  const invoice: Invoice = {
    currency: input.currency,
    lines,
    subtotal,
    totalDiscount,
    totalExcludingTax,
    tax: taxTotal,
    total,
    taxBreakdown: summarizeTaxes(allTaxes),
    creditApplied,
    amountDue: Math.max(total - creditApplied, 0),
    creditGenerated: total < 0 ? -total : 0,
    notes: [...(answer.notes ?? [])],
    reverseCharge: answer.reverseCharge ?? false,
  };
  assertInvoiceInvariants(invoice);
  return invoice;
}
