import { InvalidInputError } from '../errors/index.js';
import type { Interval } from '../time/index.js';
import type { ResolvedPrice } from './types.js';

/** Months in one billing interval, or `undefined` for day/week intervals that do not divide a year evenly. */
function months(interval: Interval | null): number | undefined {
  if (interval === null) return undefined;
  if (interval.unit === 'month') return interval.count;
  if (interval.unit === 'year') return interval.count * 12;
  return undefined;
}

/**
 * "Save 16 %": how much less a year costs on `yearly` than on `monthly`, in whole percent,
 * rounded DOWN so the claim is never larger than the truth. Computed from the two amounts the
 * cards show (`displayAmount`), so it matches them; both must come from one `resolvePrices` call
 * (same currency, same tax treatment). Any month/year intervals work (quarterly vs biennial).
 * Returns 0 when the longer interval saves nothing or the monthly price is free.
 *
 * @example yearlySavingPercent(€29 / month, €290 / year) // 12 × 2900 = 34800; (34800 − 29000) ÷ 34800 = 16.67 % → 16
 */
export function yearlySavingPercent(monthly: ResolvedPrice, yearly: ResolvedPrice): number {
  const monthlyMonths = months(monthly.interval);
  const yearlyMonths = months(yearly.interval);
  if (monthlyMonths === undefined) throw new InvalidInputError('monthly must recur in months or years', 'monthly');
  if (yearlyMonths === undefined) throw new InvalidInputError('yearly must recur in months or years', 'yearly');
  if (monthly.currency !== yearly.currency) {
    throw new InvalidInputError(`Cannot compare ${monthly.currency} with ${yearly.currency}`, 'yearly');
  }
  // Both sides over the same span (monthlyMonths × yearlyMonths months), in exact integers.
  const onMonthly = BigInt(monthly.displayAmount) * BigInt(yearlyMonths);
  const onYearly = BigInt(yearly.displayAmount) * BigInt(monthlyMonths);
  if (onMonthly <= 0n || onYearly >= onMonthly) return 0;
  return Number(((onMonthly - onYearly) * 100n) / onMonthly);
}
