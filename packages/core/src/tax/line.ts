import { scaleMinor, toDecimal } from '../money/index.js';
import { decomposeInclusive, exclusiveTax } from './decompose.js';
import { scalePercents } from './percent.js';
import type { TaxRateEntry } from './rates/index.js';
import type { TaxAmount, TaxableLine } from './types.js';

/** The part of `amountMinor` a tax applies to: all of it, or Texas' 80%, rounded once. */
function taxablePart(amountMinor: number, entry: TaxRateEntry): number {
  const share = entry.taxableSharePercent;
  if (share === undefined || share === '100') return amountMinor;
  const { scaled, scale } = scalePercents([share], 'taxableSharePercent');
  return scaleMinor(amountMinor, scaled[0]!, 100n * scale);
}

/** The rate as charged on the whole amount: `rate × share ÷ 100` (Texas: 6.25 × 80% = 5). */
function effectiveRate(entry: TaxRateEntry): string {
  const share = entry.taxableSharePercent;
  if (share === undefined || share === '100') return entry.ratePercent;
  return toDecimal(entry.ratePercent).times(toDecimal(share)).div(100).toFixed();
}

/**
 * The taxes of one line, rounded once per line and per tax.
 * Exclusive: each tax is `round(taxable × rate ÷ 100)` on top of the amount.
 * Inclusive: the amount is decomposed with {@link decomposeInclusive} over the effective rates,
 * so net + taxes equal the amount exactly; each tax's taxable amount is its share of the net.
 */
export function taxesForLine(line: TaxableLine, entries: readonly TaxRateEntry[]): TaxAmount[] {
  const base = (entry: TaxRateEntry) => ({
    ratePercent: entry.ratePercent,
    type: entry.type,
    label: entry.label,
    jurisdiction: entry.jurisdiction,
    inclusive: line.inclusive,
  });
  if (!line.inclusive) {
    return entries.map((entry) => {
      const taxableAmount = taxablePart(line.amount, entry);
      return { amount: exclusiveTax(taxableAmount, entry.ratePercent), taxableAmount, ...base(entry) };
    });
  }
  const { net, taxes } = decomposeInclusive(line.amount, entries.map(effectiveRate));
  return entries.map((entry, i) => ({
    amount: taxes[i]!,
    taxableAmount: taxablePart(net, entry),
    ...base(entry),
  }));
}
