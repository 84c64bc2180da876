import { InvalidInputError } from '../errors/index.js';
import { assertMinor, divideRoundHalfUp } from '../money/index.js';

function assertCount(count: number, param: string): number {
  if (!Number.isSafeInteger(count) || count < 0)
    throw new InvalidInputError(`${param} must be a non-negative integer`, param);
  return count;
}

function safe(result: bigint, what: string): number {
  const n = Number(result);
  if (!Number.isSafeInteger(n)) throw new InvalidInputError(`${what} is out of range`);
  return n;
}

/** Annual recurring revenue: 12 × MRR, minor units, exact. */
export function arr(mrrMinor: number): number {
  assertMinor(mrrMinor, 'mrrMinor');
  return safe(BigInt(mrrMinor) * 12n, 'ARR');
}

/**
 * Average revenue per account: MRR ÷ paying accounts, rounded once (half-up away from zero).
 * 0 when there are no accounts, so an empty dashboard shows 0 rather than failing.
 */
export function arpa(mrrMinor: number, accountCount: number): number {
  assertMinor(mrrMinor, 'mrrMinor');
  assertCount(accountCount, 'accountCount');
  if (accountCount === 0) return 0;
  return safe(divideRoundHalfUp(BigInt(mrrMinor), BigInt(accountCount)), 'ARPA');
}

/**
 * Customer churn rate over one period (usually a month): accounts lost ÷ accounts at the
 * period's start, as a ratio (0.05 = 5 %). Not money, so a plain number; null when there were
 * no accounts to lose. Counts only accounts that existed at the start, so it is at most 1.
 */
export function churnRate(churnedCount: number, startCount: number): number | null {
  assertCount(churnedCount, 'churnedCount');
  assertCount(startCount, 'startCount');
  if (churnedCount > startCount) {
    throw new InvalidInputError(
      'churnedCount counts accounts present at the start, so it cannot exceed startCount',
      'churnedCount',
    );
  }
  return startCount === 0 ? null : churnedCount / startCount;
}

/**
 * Customer lifetime value: ARPA ÷ churn rate = ARPA × startCount ÷ churnedCount, in minor units,
 * computed from the counts (not the float rate) and rounded once. With a monthly ARPA and a
 * monthly churn rate this is revenue over an expected lifetime of 1 / churn months.
 * Null when nothing churned: the expected lifetime is unbounded.
 *
 * @example customerLifetimeValue(4000, 5, 100) // 4000 ÷ 5 % = 80,000 (20 months × €40)
 */
export function customerLifetimeValue(
  arpaMinor: number,
  churnedCount: number,
  startCount: number,
): number | null {
  assertMinor(arpaMinor, 'arpaMinor');
  churnRate(churnedCount, startCount);
  if (churnedCount === 0) return null;
  return safe(divideRoundHalfUp(BigInt(arpaMinor) * BigInt(startCount), BigInt(churnedCount)), 'CLTV');
}
