import type { TaxAmount } from '../tax/index.js';

/**
 * Sums taxes into one row per (label, rate, jurisdiction, inclusive, type), in order of first
 * appearance, for an invoice's summary box. `amount` and `taxableAmount` are summed exactly.
 * `type` is part of the key so two different taxes that happen to share a label never merge.
 */
export function summarizeTaxes(taxes: readonly TaxAmount[]): TaxAmount[] {
  const rows = new Map<string, TaxAmount>();
  for (const tax of taxes) {
    const key = JSON.stringify([tax.label, tax.ratePercent, tax.jurisdiction, tax.inclusive, tax.type]);
    const row = rows.get(key);
    if (row === undefined) rows.set(key, { ...tax });
    else {
      row.amount += tax.amount;
      row.taxableAmount += tax.taxableAmount;
    }
  }
  return [...rows.values()];
}
