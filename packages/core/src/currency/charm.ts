import { assertMinor, currencyExponent, divideRoundHalfUp, type CurrencyCode } from '../money/index.js';

/**
 * How a converted display amount is rounded after the exact conversion.
 * - `exact`: the nearest minor unit (the money rule), nothing more.
 * - `charm`: the nearest "psychological" price, see {@link charmRound}.
 */
export type RoundingStrategy = 'exact' | 'charm';

/**
 * Nearest value of the form `k·step − offset` with `kMin ≤ k ≤ kMax` to `amount`; a tie goes up,
 * like the money rule.
 */
function nearestEnding(amount: bigint, step: bigint, offset: bigint, kMin = 1n, kMax?: bigint): bigint {
  let k = divideRoundHalfUp(amount + offset, step);
  if (k < kMin) k = kMin;
  if (kMax !== undefined && k > kMax) k = kMax;
  return k * step - offset;
}

/**
 * Zero-decimal charm prices with `d ≥ 3` digits are two significant digits, a 9, then zeros:
 * `k·10^(d−2) − 10^(d−3)` for `k` in 11…100 (10…100 for three digits, so ¥99 is one).
 * The nearest one is looked for among `d−1`, `d` and `d+1` digits, so a price just past a power
 * of ten (¥100,400) falls back to ¥99,900 rather than jumping to ¥109,000, and the rounding is
 * idempotent and monotone.
 */
function zeroDecimalCharm(amount: bigint): bigint {
  const digits = amount.toString().length;
  let best: bigint | undefined;
  for (const d of [digits - 1, digits, digits + 1]) {
    if (d < 3) continue;
    const step = 10n ** BigInt(d - 2);
    const candidate = nearestEnding(amount, step, step / 10n, d === 3 ? 10n : 11n, 100n);
    const distance = (c: bigint) => (c > amount ? c - amount : amount - c);
    // Ties go to the larger candidate, as in the money rule.
    if (best === undefined || distance(candidate) < distance(best) || (distance(candidate) === distance(best) && candidate > best)) {
      best = candidate;
    }
  }
  return best ?? amount;
}

/**
 * Rounds a positive amount to the NEAREST charm price (never always-up: a converted price moves
 * by at most half a step either way, so it stays as close as possible to the exchange rate).
 * Ties go up.
 *
 * - 2-decimal currencies (EUR, USD, RON…), from 1 major unit: the nearest `.99`.
 *   28.73 → 28.99; 28.40 → 27.99; 28.49 → 28.99 (tie: 27.99 and 28.99 are both 0.50 away).
 * - 0-decimal currencies (JPY, KRW…), from 100 units: the nearest of ¥99, ¥109 … ¥999 (step 10),
 *   ¥1,090 … ¥9,990 (step 100), ¥10,900 … ¥99,900 (step 1,000) and so on: two significant
 *   digits, a 9, then zeros. ¥498 → ¥499, ¥3,180 → ¥3,190, ¥16,250 → ¥15,900,
 *   ₩19,420 → ₩19,900, ¥129,400 → ¥129,000, ¥100,400 → ¥99,900.
 * - 3-decimal currencies (KWD, BHD…), from 1 major unit: the nearest `.990`. 3.456 → 2.990.
 * - Everything else (4-decimal units of account), amounts below the thresholds, zero and
 *   negative amounts: unchanged, since a charm ending there means nothing or is a credit.
 *
 * Large-number 2-decimal currencies (IDR, HUF) get `.99` too; pass `exact` for them if unwanted.
 */
export function charmRound(amountMinor: number, currency: CurrencyCode): number {
  assertMinor(amountMinor, 'amountMinor');
  const exponent = currencyExponent(currency);
  const amount = BigInt(amountMinor);
  if (exponent === 2 && amount >= 100n) return Number(nearestEnding(amount, 100n, 1n));
  if (exponent === 3 && amount >= 1000n) return Number(nearestEnding(amount, 1000n, 10n));
  if (exponent === 0 && amount >= 100n) return Number(zeroDecimalCharm(amount));
  return amountMinor;
}

/** Applies a {@link RoundingStrategy} to an already exactly converted integer amount. */
export function applyRounding(amountMinor: number, currency: CurrencyCode, strategy: RoundingStrategy): number {
  return strategy === 'charm' ? charmRound(amountMinor, currency) : amountMinor;
}
