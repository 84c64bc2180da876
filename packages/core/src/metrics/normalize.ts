import { assertInterval, type Interval } from '../time/index.js';
import { fraction, type Fraction } from './rational.js';

/**
 * How many of `interval` fit in one month, exactly, for MRR:
 * - `month`: 1 / count (a quarterly price is a third of itself a month);
 * - `year`: 1 / (12 × count);
 * - `week`: 52 / (12 × count): 52 weeks a year spread over 12 months (4.33 weeks a month);
 * - `day`: 365 / (12 × count): a 365-day year spread over 12 months (30.42 days a month).
 * Leap days and the 52.18th week are ignored on purpose: MRR is a steady-state figure, and these
 * are the conventions of Stripe, Baremetrics and ChartMogul, so figures compare across tools.
 */
export function monthlyFactor(interval: Interval): Fraction {
  assertInterval(interval);
  const count = BigInt(interval.count);
  switch (interval.unit) {
    case 'month':
      return fraction(1n, count);
    case 'year':
      return fraction(1n, 12n * count);
    case 'week':
      return fraction(52n, 12n * count);
    case 'day':
      return fraction(365n, 12n * count);
  }
}
