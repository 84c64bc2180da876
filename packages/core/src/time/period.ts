import { InvalidInputError } from '../errors/index.js';
import { addIntervals, assertInstant, assertInterval, estimateIntervals, type Interval } from './interval.js';

/** A half-open service period `[startMs, endMs)`. */
export interface Period {
  startMs: number;
  endMs: number;
}

/** A billing period with its position in the anchor's sequence (0 = the one starting at the anchor). */
export interface BillingPeriod extends Period {
  index: number;
}

/** The `index`-th period of the sequence that starts at `anchorMs`. */
export function periodAt(anchorMs: number, interval: Interval, index: number, timeZone = 'UTC'): BillingPeriod {
  return {
    index,
    startMs: addIntervals(anchorMs, interval, index, timeZone),
    endMs: addIntervals(anchorMs, interval, index + 1, timeZone),
  };
}

/**
 * The billing period of the anchor's sequence that contains `atMs` (start inclusive, end
 * exclusive). Works before the anchor too (negative index).
 */
export function periodContaining(anchorMs: number, interval: Interval, atMs: number, timeZone = 'UTC'): BillingPeriod {
  assertInstant(anchorMs, 'anchor');
  assertInstant(atMs, 'at');
  assertInterval(interval);
  let index = estimateIntervals(anchorMs, interval, atMs, timeZone);
  let period = periodAt(anchorMs, interval, index, timeZone);
  while (atMs < period.startMs) period = periodAt(anchorMs, interval, --index, timeZone);
  while (atMs >= period.endMs) period = periodAt(anchorMs, interval, ++index, timeZone);
  return period;
}

/** `count` contiguous periods starting at the anchor: each one's end is the next one's start. */
export function periodSequence(anchorMs: number, interval: Interval, count: number, timeZone = 'UTC'): BillingPeriod[] {
  assertInterval(interval);
  const starts = Array.from({ length: count + 1 }, (_, i) => addIntervals(anchorMs, interval, i, timeZone));
  return Array.from({ length: count }, (_, i) => ({ index: i, startMs: starts[i]!, endMs: starts[i + 1]! }));
}

/** Exact proration fraction in whole seconds: `remainingSeconds / periodSeconds`. */
export interface ProrationFraction {
  remainingSeconds: number;
  periodSeconds: number;
}

/**
 * The part of `period` still to come at `atMs`, exact by the second (milliseconds are dropped,
 * as partial seconds are not billable). `atMs` is clamped into the period: before it the whole
 * period remains, after it nothing does.
 */
export function prorationFraction(period: Period, atMs: number): ProrationFraction {
  if (period.endMs <= period.startMs) throw new InvalidInputError('A period must end after it starts', 'period');
  const startS = Math.floor(period.startMs / 1000);
  const endS = Math.floor(period.endMs / 1000);
  // A period within one second has nothing billable and would make a 0/0 fraction downstream.
  if (endS === startS) throw new InvalidInputError('A period must span at least one whole second', 'period');
  const atS = Math.min(Math.max(Math.floor(atMs / 1000), startS), endS);
  return { remainingSeconds: endS - atS, periodSeconds: endS - startS };
}
