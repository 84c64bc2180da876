import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, addWeeks, addYears, differenceInCalendarMonths, differenceInDays } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interval } from './interval.js';
import { addIntervalsUtc, estimateIntervalsUtc } from './utc-calendar.js';

/** What date-fns computes on zoned dates in 'UTC': the reference the fast path must equal. */
function addByDateFns(anchorMs: number, interval: Interval, n: number): number {
  const date = new TZDate(anchorMs, 'UTC');
  const steps = interval.count * n;
  const add = { day: addDays, week: addWeeks, month: addMonths, year: addYears }[interval.unit];
  return add(date, steps).getTime();
}

function estimateByDateFns(anchorMs: number, interval: Interval, atMs: number): number {
  const from = new TZDate(anchorMs, 'UTC');
  const to = new TZDate(atMs, 'UTC');
  if (interval.unit === 'day') return Math.floor(differenceInDays(to, from) / interval.count);
  if (interval.unit === 'week') return Math.floor(differenceInDays(to, from) / (7 * interval.count));
  if (interval.unit === 'month') return Math.floor(differenceInCalendarMonths(to, from) / interval.count);
  return Math.floor(differenceInCalendarMonths(to, from) / (12 * interval.count));
}

// 1900 – 2200, to the millisecond.
const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) });
const interval = fc.record({ unit: fc.constantFrom<Interval['unit']>('day', 'week', 'month', 'year'), count: fc.integer({ min: 1, max: 365 }) });

describe('UTC calendar arithmetic', () => {
  it('month ends clamp and come back: Jan 31 → Feb 29 (2028) → Mar 31', () => {
    const jan31 = Date.UTC(2028, 0, 31, 9, 30);
    const month = { unit: 'month', count: 1 } as const;
    expect(new Date(addIntervalsUtc(jan31, month, 1)).toISOString()).toBe('2028-02-29T09:30:00.000Z');
    expect(new Date(addIntervalsUtc(jan31, month, 2)).toISOString()).toBe('2028-03-31T09:30:00.000Z');
    expect(new Date(addIntervalsUtc(jan31, month, -1)).toISOString()).toBe('2027-12-31T09:30:00.000Z');
    expect(new Date(addIntervalsUtc(Date.UTC(2028, 1, 29), { unit: 'year', count: 1 }, 1)).toISOString()).toBe('2029-02-28T00:00:00.000Z');
  });

  it('adds exactly what date-fns adds on a UTC TZDate, for any anchor, interval and count', () => {
    fc.assert(
      fc.property(instant, interval, fc.integer({ min: -200, max: 200 }), (anchorMs, iv, n) => {
        expect(addIntervalsUtc(anchorMs, iv, n)).toBe(addByDateFns(anchorMs, iv, n));
      }),
      { numRuns: 3000 },
    );
  });

  it('estimates exactly what date-fns estimates on UTC TZDates, before and after the anchor', () => {
    fc.assert(
      fc.property(instant, interval, instant, (anchorMs, iv, atMs) => {
        expect(estimateIntervalsUtc(anchorMs, iv, atMs)).toBe(estimateByDateFns(anchorMs, iv, atMs));
      }),
      { numRuns: 3000 },
    );
  });
});
