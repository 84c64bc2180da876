import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, addWeeks, addYears, differenceInCalendarMonths, differenceInDays } from 'date-fns';
import { InvalidInputError } from '../errors/index.js';
import { addIntervalsUtc, estimateIntervalsUtc } from './utc-calendar.js';

/** Units a recurring price can be billed in. */
export type IntervalUnit = 'day' | 'week' | 'month' | 'year';

/** A billing interval: `{ unit: 'month', count: 3 }` is quarterly. */
export interface Interval {
  unit: IntervalUnit;
  count: number;
}

export const intervalUnits: readonly IntervalUnit[] = ['day', 'week', 'month', 'year'];

/** Throws unless the interval is one of the four units with a count of 1 to 365. */
export function assertInterval(interval: Interval, param = 'interval'): Interval {
  if (!intervalUnits.includes(interval.unit)) {
    throw new InvalidInputError(`${param}.unit must be one of ${intervalUnits.join(', ')}`, param);
  }
  if (!Number.isInteger(interval.count) || interval.count < 1 || interval.count > 365) {
    throw new InvalidInputError(`${param}.count must be an integer from 1 to 365`, param);
  }
  return interval;
}

/** Throws unless `ms` is an integer epoch-millisecond instant within JS Date's range. */
export function assertInstant(ms: number, param = 'at'): number {
  if (!Number.isSafeInteger(ms) || Math.abs(ms) > 8.64e15) {
    throw new InvalidInputError(`${param} must be an integer epoch-millisecond instant`, param);
  }
  return ms;
}

/** Time zones already checked; `Intl` construction is too slow to repeat on every call. */
const knownTimeZones = new Set<string>(['UTC']);

/**
 * Throws unless `timeZone` is an IANA time zone (or offset) that `Intl` knows. Without this a
 * typo like `'Europe/Bucharets'` turns every date into NaN silently.
 */
export function assertTimeZone(timeZone: string, param = 'timeZone'): string {
  if (knownTimeZones.has(timeZone)) return timeZone;
  // Fixed offsets are understood by @date-fns/tz, though Node 20's Intl rejects them.
  if (/^[+-](0\d|1[0-4]):[0-5]\d$/.test(timeZone)) return timeZone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new InvalidInputError(`${param} is not a known time zone: ${timeZone}`, param);
  }
  knownTimeZones.add(timeZone);
  return timeZone;
}

/**
 * The instant `n` whole intervals after `anchorMs`, in calendar terms of `timeZone`.
 *
 * Always computed from the anchor, never by chaining, so month-end clamping does not drift:
 * a Jan 31 anchor gives Feb 28/29, Mar 31, Apr 30 … A month interval keeps the wall-clock time
 * of the anchor in its time zone across DST changes.
 */
export function addIntervals(anchorMs: number, interval: Interval, n: number, timeZone = 'UTC'): number {
  if (timeZone === 'UTC') return addIntervalsUtc(anchorMs, interval, n);
  assertTimeZone(timeZone);
  const date = new TZDate(anchorMs, timeZone);
  const steps = interval.count * n;
  switch (interval.unit) {
    case 'day':
      return addDays(date, steps).getTime();
    case 'week':
      return addWeeks(date, steps).getTime();
    case 'month':
      return addMonths(date, steps).getTime();
    case 'year':
      return addYears(date, steps).getTime();
  }
}

/** A rough count of whole intervals from `anchorMs` to `atMs`, never more than one off. */
export function estimateIntervals(anchorMs: number, interval: Interval, atMs: number, timeZone = 'UTC'): number {
  if (timeZone === 'UTC') return estimateIntervalsUtc(anchorMs, interval, atMs);
  assertTimeZone(timeZone);
  const from = new TZDate(anchorMs, timeZone);
  const to = new TZDate(atMs, timeZone);
  switch (interval.unit) {
    case 'day':
      return Math.floor(differenceInDays(to, from) / interval.count);
    case 'week':
      return Math.floor(differenceInDays(to, from) / (7 * interval.count));
    case 'month':
      return Math.floor(differenceInCalendarMonths(to, from) / interval.count);
    case 'year':
      return Math.floor(differenceInCalendarMonths(to, from) / (12 * interval.count));
  }
}
