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
