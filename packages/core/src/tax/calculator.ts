import { InvalidInputError } from '../errors/index.js';
import { assertMinor, isCurrencyCode } from '../money/index.js';
import { assertInstant } from '../time/index.js';
import { validateTaxContext, type TaxContext } from './context.js';
import { taxesForLine } from './line.js';
import { planTaxes, type TaxPlan } from './plan.js';
import type { TaxAmount, TaxCalculationInput, TaxCalculator, TaxableLine } from './types.js';

/**
 * Product tax codes the built-in engine understands. A line without a code is SaaS; `nontaxable`
 * lines (donations, pass-through fees) get no tax. Anything else is refused rather than guessed.
 */
export const BUILT_IN_TAX_CODES = ['saas', 'nontaxable'] as const;

function checkInput(input: TaxCalculationInput): void {
  if (!isCurrencyCode(input.currency))
    throw new InvalidInputError(`Unknown currency: ${input.currency}`, 'currency');
  assertInstant(input.atMs, 'atMs');
  const seen = new Set<number>();
  input.lines.forEach((line, i) => {
    assertMinor(line.amount, `lines[${i}].amount`);
    if (!Number.isSafeInteger(line.index) || seen.has(line.index)) {
      throw new InvalidInputError(`lines[${i}].index must be a unique integer`, `lines[${i}].index`);
    }
    seen.add(line.index);
    if (line.taxCode !== undefined && !(BUILT_IN_TAX_CODES as readonly string[]).includes(line.taxCode)) {
      throw new InvalidInputError(
        `Tax code "${line.taxCode}" is not known to the built-in engine`,
        `lines[${i}].taxCode`,
      );
    }
  });
}

function taxLine(line: TaxableLine, plan: TaxPlan): TaxAmount[] {
  if (line.taxCode === 'nontaxable' || plan.kind === 'none') return [];
  if (plan.kind === 'collect') return taxesForLine(line, plan.entries);
  return [
    {
      amount: 0,
      taxableAmount: line.amount,
      ratePercent: '0',
      type: plan.type,
      label: plan.label,
      jurisdiction: plan.jurisdiction,
      inclusive: line.inclusive,
      reverseCharge: true,
    },
  ];
}

/**
 * The built-in, data-driven tax engine as a {@link TaxCalculator} for one seller and customer.
 * Rates come from the tables under `tax/rates/`, chosen by the input's `atMs`; the rules are those
 * of {@link planTaxes}. Each line is rounded on its own, once per tax, with the money module's
 * rule. Local US rates are approximated by the state rate: plug a full engine in through the
 * `TaxProvider` port where that is not enough.
 *
 * @throws InvalidInputError at creation for a malformed context, and per call for malformed input
 *   or a registration in a place the tables do not cover.
 * @example
 * const tax = createBuiltInTaxCalculator({
 *   seller: { country: 'DE', registrations: [{ country: 'DE', type: 'oss', taxId: 'DE123456789' }] },
 *   customer: { country: 'FR', business: false },
 * });
 * tax({ currency: 'EUR', atMs, lines: [{ index: 0, amount: 10_000, inclusive: false }] });
 * // lines[0].taxes[0]: { amount: 2000, label: 'TVA 20 %', jurisdiction: 'FR', … }
 */
export function createBuiltInTaxCalculator(context: TaxContext): TaxCalculator {
  const checked = validateTaxContext(context);
  return (input) => {
    checkInput(input);
    const plan = planTaxes(checked, input.atMs);
    const lines = input.lines.map((line) => ({ index: line.index, taxes: taxLine(line, plan) }));
    const taxed = lines.length === 0 || lines.some((l) => l.taxes.length > 0);
    if (plan.kind === 'reverse')
      return { lines, notes: plan.notes, reverseCharge: true, treatment: 'reverse_charge' };
    if (plan.kind === 'none') return { lines, notes: plan.notes, treatment: plan.treatment };
    return { lines, notes: plan.notes, treatment: taxed ? 'taxed' : 'not_taxable' };
  };
}
