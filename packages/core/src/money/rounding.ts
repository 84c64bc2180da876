import { InvalidInputError, InvariantError } from '../errors/index.js';
import { Decimal, toDecimal } from './decimal.js';

/**
 * The one rounding rule of Abona: **half-up, away from zero** (2.5 → 3, −2.5 → −3), applied
 * once per line. Nothing else in the codebase rounds money.
 */
export const ROUNDING_RULE = 'half_up_away_from_zero' as const;

/** Throws unless `amount` is a safe integer number of minor units. */
export function assertMinor(amount: number, param = 'amount'): number {
  if (!Number.isSafeInteger(amount)) {
    throw new InvalidInputError(`${param} must be an integer number of minor units, got ${amount}`, param);
  }
  return amount;
}

/** Like {@link assertMinor} but for values the engine itself produced: a failure is a bug. */
export function checkMinor(amount: number, what: string): number {
  if (!Number.isSafeInteger(amount)) throw new InvariantError(`${what} is not an integer: ${amount}`);
  return amount;
}

/** Rounds a decimal number of minor units to an integer with {@link ROUNDING_RULE}. */
export function roundMinor(value: Decimal | string | number): number {
  const decimal = typeof value === 'object' ? value : toDecimal(value);
  const rounded = decimal.round(0, Decimal.roundHalfUp);
  const result = rounded.toNumber();
  if (!Number.isSafeInteger(result)) throw new InvalidInputError(`Amount out of range: ${decimal.toString()}`);
  // big.js can produce -0; money has no sign on zero.
  return result === 0 ? 0 : result;
}

/**
 * `amount × numerator ÷ denominator`, rounded once with {@link ROUNDING_RULE}, exactly (BigInt).
 * This is how proration and percentages scale integer amounts.
 */
export function scaleMinor(amount: number, numerator: number | bigint, denominator: number | bigint): number {
  if (
    typeof numerator === 'number' &&
    typeof denominator === 'number' &&
    Number.isSafeInteger(amount) &&
    Number.isSafeInteger(numerator) &&
    Number.isSafeInteger(denominator) &&
    denominator !== 0
  ) {
    // Proration and percentages mostly stay far below 2^53: the same rule in plain numbers.
    const product = Math.abs(amount * numerator);
    if (product <= Number.MAX_SAFE_INTEGER) {
      const divisor = Math.abs(denominator);
      // Safe integers both, so the floored quotient and the remainder are exact.
      let quotient = Math.floor(product / divisor);
      if (2 * (product - quotient * divisor) >= divisor) quotient += 1;
      const negative = amount < 0 !== numerator < 0 !== denominator < 0;
      return negative && quotient !== 0 ? -quotient : quotient;
    }
  }
  const a = BigInt(assertMinor(amount));
  const n = toBigInteger(numerator, 'numerator');
  const d = toBigInteger(denominator, 'denominator');
  if (d === 0n) throw new InvalidInputError('Cannot scale by a zero denominator', 'denominator');
  const result = Number(divideRoundHalfUp(a * n, d));
  if (!Number.isSafeInteger(result)) throw new InvalidInputError(`Amount out of range: ${amount} × ${n} / ${d}`);
  return result;
}

/** A number must be a safe integer to become a BigInt without silently losing digits. */
function toBigInteger(value: number | bigint, param: string): bigint {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new InvalidInputError(`${param} must be an integer, got ${value}`, param);
  }
  return BigInt(value);
}

/** Integer division of BigInts rounded half-up away from zero. */
export function divideRoundHalfUp(dividend: bigint, divisor: bigint): bigint {
  if (divisor === 0n) throw new InvalidInputError('Division by zero');
  const negative = dividend < 0n !== divisor < 0n;
  const n = dividend < 0n ? -dividend : dividend;
  const d = divisor < 0n ? -divisor : divisor;
  const quotient = n / d;
  const roundedUp = (n % d) * 2n >= d ? quotient + 1n : quotient;
  return negative ? -roundedUp : roundedUp;
}
