import { InvalidInputError } from '../errors/index.js';
import { assertMinor } from './rounding.js';

/**
 * Splits `total` minor units into parts proportional to `weights` so the parts always sum to
 * `total` exactly (largest-remainder method). Each part first gets the floor of its exact share;
 * the units left over go one each to the largest remainders, ties to the earlier index, so the
 * result is deterministic. A negative total is split like its absolute value and negated.
 * All-zero weights split evenly.
 *
 * @example allocate(100, [1, 1, 1]) // [34, 33, 33]
 * @example allocate(-1000, [70, 30]) // [-700, -300]
 */
export function allocate(total: number, weights: readonly (number | bigint)[]): number[] {
  assertMinor(total, 'total');
  if (weights.length === 0) {
    if (total !== 0) throw new InvalidInputError('Cannot allocate a non-zero amount over no parts', 'weights');
    return [];
  }
  return allocateSafe(total, weights) ?? allocateBig(total, weights);
}

/**
 * {@link allocate} in plain numbers, or `null` when it cannot be done exactly that way: a weight
 * that is a bigint, not a non-negative safe integer (the BigInt path reports it), or
 * `|total| × Σ weights` beyond 2^53. Within that bound every share's product, floor and
 * remainder is an exact integer, so the result is the BigInt path's to the unit.
 */
function allocateSafe(total: number, weights: readonly (number | bigint)[]): number[] | null {
  const count = weights.length;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const w = weights[i];
    if (typeof w !== 'number' || !Number.isSafeInteger(w) || w < 0) return null;
    sum += w;
  }
  const allZero = sum === 0;
  if (allZero) sum = count;
  const absolute = Math.abs(total);
  if (sum > Number.MAX_SAFE_INTEGER || absolute * sum > Number.MAX_SAFE_INTEGER) return null;
  const parts: number[] = [];
  const remainders: number[] = [];
  let left = absolute;
  for (let i = 0; i < count; i++) {
    const share = absolute * (allZero ? 1 : (weights[i] as number));
    const part = Math.floor(share / sum);
    parts.push(part);
    remainders.push(share - part * sum);
    left -= part;
  }
  // Fewer units are left than there are parts: one each to the largest remainders, ties to the
  // earlier. A few are picked by scanning; many by sorting, so long invoices stay n log n.
  if (left > 16) {
    const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => remainders[b]! - remainders[a]! || a - b);
    for (let k = 0; k < left; k++) parts[order[k]!]! += 1;
    left = 0;
  }
  for (; left > 0; left--) {
    let best = -1;
    for (let i = 0; i < count; i++) if (remainders[i]! >= 0 && (best === -1 || remainders[i]! > remainders[best]!)) best = i;
    parts[best]! += 1;
    remainders[best] = -1;
  }
  if (total < 0) for (let i = 0; i < count; i++) parts[i] = parts[i] === 0 ? 0 : -parts[i]!;
  return parts;
}

/** {@link allocate} in BigInt: any weights, and the validation of each. */
function allocateBig(total: number, weights: readonly (number | bigint)[]): number[] {
  const big = weights.map((w, i) => {
    if (typeof w === 'number' && !Number.isSafeInteger(w)) {
      throw new InvalidInputError(`weights[${i}] must be an integer`, 'weights');
    }
    const value = BigInt(w);
    if (value < 0n) throw new InvalidInputError(`weights[${i}] must not be negative`, 'weights');
    return value;
  });
  let sum = big.reduce((a, b) => a + b, 0n);
  const effective = sum === 0n ? big.map(() => 1n) : big;
  if (sum === 0n) sum = BigInt(big.length);

  const sign = total < 0 ? -1n : 1n;
  const absolute = BigInt(total) * sign;
  const parts = effective.map((w) => (absolute * w) / sum);
  const remainders = effective.map((w, index) => ({ index, remainder: (absolute * w) % sum }));
  let left = absolute - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (let k = 0; left > 0n; k++, left--) parts[remainders[k]!.index]! += 1n;
  return parts.map((p) => {
    const n = Number(p * sign);
    return n === 0 ? 0 : n;
  });
}
