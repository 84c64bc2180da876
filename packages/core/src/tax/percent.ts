import { InvalidInputError } from '../errors/index.js';
import { isDecimalString } from '../money/index.js';

/**
 * Percent strings as exact integers over one common scale: `["5", "9.975"]` → `[5000n, 9975n]`
 * over `1000n`. Tax math then runs on BigInt with no decimal rounding before the single rounding
 * of the result.
 *
 * @throws InvalidInputError for a rate that is not a non-negative decimal string.
 */
export function scalePercents(
  ratesPercent: readonly string[],
  param = 'ratesPercent',
): { scaled: bigint[]; scale: bigint } {
  let places = 0;
  for (const rate of ratesPercent) {
    if (!isDecimalString(rate) || rate.startsWith('-')) {
      throw new InvalidInputError(
        `${param} must hold non-negative decimal percent strings, got "${rate}"`,
        param,
      );
    }
    places = Math.max(places, rate.split('.')[1]?.length ?? 0);
  }
  const scaled = ratesPercent.map((rate) => {
    const [whole = '0', fraction = ''] = rate.split('.');
    return BigInt(whole + fraction.padEnd(places, '0'));
  });
  return { scaled, scale: 10n ** BigInt(places) };
}
