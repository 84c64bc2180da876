import { InvalidInputError } from '../errors/index.js';
import BigImport from 'big.js';
import type { Big as BigType, BigConstructor } from 'big.js';

/**
 * The engine's private decimal type: big.js with its own configuration, so nothing outside can
 * change our precision or rounding. Used only for fractional unit prices and ratios; every
 * result leaves the engine as an integer through {@link roundMinor}.
 */
export const Decimal: BigConstructor = (BigImport as unknown as BigConstructor)();
// 40 places of division is far beyond anything a minor unit can observe.
Decimal.DP = 40;
Decimal.RM = Decimal.roundHalfUp;
Decimal.NE = -50;
Decimal.PE = 50;

export type Decimal = BigType;

/** Decimal strings accepted for unit amounts: `"12"`, `"0.0035"`, `"-1.5"`; no exponent. */
const decimalPattern = /^-?\d{1,15}(\.\d{1,20})?$/;

/** True when `value` is a plain decimal string the engine accepts. */
export function isDecimalString(value: string): boolean {
  return decimalPattern.test(value);
}

/** Parses a decimal string or a safe integer into a {@link Decimal}. */
export function toDecimal(value: string | number, param = 'amount'): Decimal {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new InvalidInputError(`${param} must be an integer or a decimal string, got ${value}`, param);
    }
    return new Decimal(value);
  }
  if (!isDecimalString(value)) throw new InvalidInputError(`${param} is not a decimal number: "${value}"`, param);
  return new Decimal(value);
}
