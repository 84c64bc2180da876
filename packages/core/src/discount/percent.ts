import { divideRoundHalfUp, isDecimalString } from '../money/index.js';

/**
 * A valid percent-off as an exact fraction of the whole: `"12.5"` is 125 / 1000 (the
 * denominator carries the decimals and the 100 of "per cent").
 */
export interface PercentOff {
  numerator: bigint;
  denominator: bigint;
  /** The same two as plain numbers when both are safe integers, else `null` (BigInt path only). */
  numeratorNumber: number | null;
  denominatorNumber: number | null;
}

/**
 * Parsed percents by their string. A coupon's percent is a short string and catalogs reuse a
 * handful, so this stays small; it is cleared past a bound in case a caller feeds endless ones.
 */
const parsed = new Map<string, PercentOff | null>();
const CACHE_LIMIT = 1024;

function parse(percentOff: string): PercentOff | null {
  // A minus sign means at most 0, which is never a valid percent-off.
  if (!isDecimalString(percentOff) || percentOff.startsWith('-')) return null;
  const point = percentOff.indexOf('.');
  const decimals = point === -1 ? 0 : percentOff.length - point - 1;
  const numerator = BigInt(point === -1 ? percentOff : percentOff.slice(0, point) + percentOff.slice(point + 1));
  const denominator = 100n * 10n ** BigInt(decimals);
  // Above 0 and at most 100 %: 0 < numerator / 10^decimals ≤ 100.
  if (numerator <= 0n || numerator > denominator) return null;
  const safe = (n: bigint): number | null => (n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : null);
  return { numerator, denominator, numeratorNumber: safe(numerator), denominatorNumber: safe(denominator) };
}

/**
 * The exact fraction of a percent-off decimal string above 0 and at most 100 (`"20"`,
 * `"12.5"`), or `null` when it is not one.
 */
export function parsePercentOff(percentOff: string): PercentOff | null {
  let percent = parsed.get(percentOff);
  if (percent === undefined) {
    percent = parse(percentOff);
    if (parsed.size >= CACHE_LIMIT) parsed.clear();
    parsed.set(percentOff, percent);
  }
  return percent;
}

/**
 * `amountMinor × percent`, rounded once half-up away from zero, exactly: in plain numbers
 * while the product stays a safe integer, in BigInt beyond. `amountMinor` must be a safe integer.
 */
export function percentOfMinor(amountMinor: number, percent: PercentOff): number {
  const n = percent.numeratorNumber;
  const d = percent.denominatorNumber;
  if (n !== null && d !== null) {
    const product = Math.abs(amountMinor) * n;
    if (product <= Number.MAX_SAFE_INTEGER) {
      // Both safe integers, so the floored quotient and the remainder are exact.
      let quotient = Math.floor(product / d);
      if (2 * (product - quotient * d) >= d) quotient += 1;
      return amountMinor < 0 && quotient !== 0 ? -quotient : quotient;
    }
  }
  const result = Number(divideRoundHalfUp(BigInt(amountMinor) * percent.numerator, percent.denominator));
  return result === 0 ? 0 : result;
}
