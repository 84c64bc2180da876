import type { Interval } from './interval.js';

/*
 * Calendar arithmetic in UTC with plain integers, for the default time zone. It gives exactly
 * what date-fns gives on a TZDate in 'UTC' (a property test holds them equal) without building
 * zoned dates, whose offset lookups through Intl dominated a price preview's time.
 */

const DAY_MS = 86_400_000;

/** The instant `months` calendar months after `ms`, the day clamped to the target month's end. */
function addUtcMonths(ms: number, months: number): number {
  const date = new Date(ms);
  const monthIndex = date.getUTCMonth() + months;
  const year = date.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month + 1, 0);
  const target = new Date(ms);
  target.setUTCFullYear(year, month, Math.min(date.getUTCDate(), lastDay.getUTCDate()));
  return target.getTime();
}

/** {@link addIntervals} for UTC. */
export function addIntervalsUtc(anchorMs: number, interval: Interval, n: number): number {
  const steps = interval.count * n;
  switch (interval.unit) {
    case 'day':
      return anchorMs + steps * DAY_MS;
    case 'week':
      return anchorMs + steps * 7 * DAY_MS;
    case 'month':
      return addUtcMonths(anchorMs, steps);
    case 'year':
      return addUtcMonths(anchorMs, steps * 12);
  }
}

/** {@link estimateIntervals} for UTC: whole days truncated toward zero, calendar months as counted. */
export function estimateIntervalsUtc(anchorMs: number, interval: Interval, atMs: number): number {
  // `+ 0` turns the -0 of a part day before the anchor into 0, as date-fns answers.
  const days = Math.trunc((atMs - anchorMs) / DAY_MS) + 0;
  const from = new Date(anchorMs);
  const to = new Date(atMs);
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  switch (interval.unit) {
    case 'day':
      return Math.floor(days / interval.count);
    case 'week':
      return Math.floor(days / (7 * interval.count));
    case 'month':
      return Math.floor(months / interval.count);
    case 'year':
      return Math.floor(months / (12 * interval.count));
  }
}
