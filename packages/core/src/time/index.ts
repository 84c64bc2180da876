export { addIntervals, assertInstant, assertInterval, assertTimeZone, intervalUnits, type Interval, type IntervalUnit } from './interval.js';
export { fromIso, toIso } from './iso.js';
export {
  periodAt,
  periodContaining,
  periodSequence,
  prorationFraction,
  type BillingPeriod,
  type Period,
  type ProrationFraction,
} from './period.js';
