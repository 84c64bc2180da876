import { allocate, assertMinor, divideRoundHalfUp } from '../money/index.js';
import { scalePercents } from './percent.js';

/** An inclusive amount split into what the seller keeps and the taxes it contains. */
export interface InclusiveSplit {
  /** Minor units net of every tax. */
  net: number;
  /** Minor units of each tax, in the order of the rates given. */
  taxes: number[];
}

/**
 * Tax on top of an exclusive amount: `taxableMinor × ratePercent ÷ 100`, rounded once with the
 * money module's rule (half-up, away from zero). Exact: the rate is never a float.
 *
 * @example exclusiveTax(10_000, '9.975') // 998 (997.5 rounds up)
 */
export function exclusiveTax(taxableMinor: number, ratePercent: string): number {
  assertMinor(taxableMinor, 'taxableMinor');
  const { scaled, scale } = scalePercents([ratePercent], 'ratePercent');
  return Number(divideRoundHalfUp(BigInt(taxableMinor) * scaled[0]!, 100n * scale));
}

/**
 * Splits a tax-inclusive amount into net and taxes so that `net + Σ taxes === grossMinor` exactly.
 * The net is rounded once: `net = round(gross × 100 ÷ (100 + Σ rates))`; the tax is what is left,
 * `gross − net`, split over several taxes in proportion to their rates with largest-remainder
 * {@link allocate}. Rounding the net rather than each tax is what keeps the parts whole.
 *
 * @param grossMinor minor units containing the taxes (negative for credits: split symmetrically).
 * @param ratesPercent decimal percent strings, `["5", "9.975"]`; none means no tax.
 * @example decomposeInclusive(10_000, ['19']) // { net: 8403, taxes: [1597] }
 */
export function decomposeInclusive(grossMinor: number, ratesPercent: readonly string[]): InclusiveSplit {
  assertMinor(grossMinor, 'grossMinor');
  const { scaled, scale } = scalePercents(ratesPercent);
  const totalRate = scaled.reduce((sum, rate) => sum + rate, 0n);
  if (totalRate === 0n) return { net: grossMinor, taxes: scaled.map(() => 0) };
  const hundred = 100n * scale;
  const net = Number(divideRoundHalfUp(BigInt(grossMinor) * hundred, hundred + totalRate));
  return { net, taxes: allocate(grossMinor - net, scaled) };
}
