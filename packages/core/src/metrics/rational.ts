import { InvalidInputError } from '../errors/index.js';
import { divideRoundHalfUp } from '../money/index.js';

/** An exact fraction of minor units; metrics add these up and round once at the end. */
export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

export const zero: Fraction = { numerator: 0n, denominator: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function reduce(numerator: bigint, denominator: bigint): Fraction {
  const divisor = gcd(numerator, denominator) || 1n;
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}

export function fraction(numerator: bigint, denominator: bigint): Fraction {
  if (denominator <= 0n) throw new InvalidInputError('A fraction needs a positive denominator');
  return reduce(numerator, denominator);
}

export function add(a: Fraction, b: Fraction): Fraction {
  return reduce(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

export function multiply(a: Fraction, b: Fraction): Fraction {
  return reduce(a.numerator * b.numerator, a.denominator * b.denominator);
}

/** A decimal string (`"9.975"`) as an exact fraction (`9975/1000`). */
export function fromDecimalString(value: string): Fraction {
  const [whole = '0', decimals = ''] = value.split('.');
  return fraction(BigInt(`${whole}${decimals}`), 10n ** BigInt(decimals.length));
}

/** The fraction rounded to whole minor units with the money module's one rule. */
export function roundFraction(value: Fraction): number {
  return Number(divideRoundHalfUp(value.numerator, value.denominator));
}
