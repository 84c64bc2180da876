import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { InvalidInputError } from '../errors/index.js';
import type { Interval } from './interval.js';
import { fromIso, toIso } from './iso.js';
import { periodAt, periodContaining, periodSequence, prorationFraction } from './period.js';

const month: Interval = { unit: 'month', count: 1 };
const day = 86_400_000;
const zones = ['UTC', 'Europe/Bucharest', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'] as const;
const anyInterval = fc.record({
  unit: fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'year' as const),
  count: fc.integer({ min: 1, max: 12 }),
});
const anyInstant = fc.integer({ min: fromIso('1980-01-01'), max: fromIso('2080-01-01') });

describe('periodAt and periodSequence', () => {
  it('gives Jan 31 → Feb 29 → Mar 31 → Apr 30 periods in 2024', () => {
    const periods = periodSequence(fromIso('2024-01-31'), month, 4).map((p) => [
      toIso(p.startMs),
      toIso(p.endMs),
    ]);
    expect(periods).toEqual([
      ['2024-01-31T00:00:00.000Z', '2024-02-29T00:00:00.000Z'], // 29 days
      ['2024-02-29T00:00:00.000Z', '2024-03-31T00:00:00.000Z'], // 31 days
      ['2024-03-31T00:00:00.000Z', '2024-04-30T00:00:00.000Z'], // 30 days
      ['2024-04-30T00:00:00.000Z', '2024-05-31T00:00:00.000Z'], // 31 days
    ]);
    expect(periodAt(fromIso('2024-01-31'), month, 1)).toEqual({
      index: 1,
      startMs: fromIso('2024-02-29'),
      endMs: fromIso('2024-03-31'),
    });
  });

  it('measures the leap day: Feb 2024 is 29 days, Feb 2023 28, 2024 366', () => {
    expect(periodAt(fromIso('2024-02-01'), month, 0).endMs - fromIso('2024-02-01')).toBe(29 * day);
    expect(periodAt(fromIso('2023-02-01'), month, 0).endMs - fromIso('2023-02-01')).toBe(28 * day);
    const year = periodAt(fromIso('2024-01-01'), { unit: 'year', count: 1 }, 0);
    expect(year.endMs - year.startMs).toBe(366 * day);
  });

  it('makes the Bucharest March period an hour short and October an hour long, at local midnight', () => {
    const [march, , , , , , , october] = periodSequence(
      fromIso('2024-03-01T00:00:00+02:00'),
      month,
      8,
      'Europe/Bucharest',
    );
    expect(march!.endMs - march!.startMs).toBe(31 * day - 3_600_000); // 31 days minus the skipped hour
    expect(toIso(march!.endMs)).toBe('2024-03-31T21:00:00.000Z'); // Apr 1 00:00 EEST
    expect(october!.endMs - october!.startMs).toBe(31 * day + 3_600_000); // 31 days plus the repeated hour
  });

  it('returns 15 contiguous monthly periods for any anchor, each 28 to 31 local days (property)', () => {
    fc.assert(
      fc.property(anyInstant, fc.constantFrom(...zones), (anchorMs, timeZone) => {
        const periods = periodSequence(anchorMs, month, 15, timeZone);
        expect(periods).toHaveLength(15);
        expect(periods[0]!.startMs).toBe(anchorMs);
        periods.forEach((period, i) => {
          expect(period.index).toBe(i);
          if (i > 0) expect(period.startMs).toBe(periods[i - 1]!.endMs);
          expect(period).toEqual(periodAt(anchorMs, month, i, timeZone));
          // 28 to 31 days, give or take a DST hour (Lord Howe shifts by 30 minutes)
          const length = period.endMs - period.startMs;
          expect(length).toBeGreaterThanOrEqual(28 * day - 3_600_000);
          expect(length).toBeLessThanOrEqual(31 * day + 3_600_000);
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe('periodContaining', () => {
  it('finds the period of an instant, start inclusive and end exclusive', () => {
    const anchor = fromIso('2024-01-31');
    expect(periodContaining(anchor, month, fromIso('2024-03-15')).index).toBe(1); // Feb 29 – Mar 31
    expect(periodContaining(anchor, month, fromIso('2024-02-29')).index).toBe(1); // its first instant
    expect(periodContaining(anchor, month, fromIso('2024-02-29') - 1).index).toBe(0); // the last ms before
    expect(periodContaining(anchor, month, fromIso('2023-12-31')).index).toBe(-1); // before the anchor
    expect(toIso(periodContaining(anchor, month, fromIso('2023-12-30')).startMs)).toBe(
      '2023-11-30T00:00:00.000Z',
    );
  });

  it('works far from the anchor and around DST', () => {
    const anchor = fromIso('2024-01-31T10:00:00Z');
    expect(periodContaining(anchor, month, fromIso('2034-03-01')).index).toBe(121); // Feb 28 2034 + 121 months from Jan 2024
    const weekly = periodContaining(
      fromIso('2024-03-25T00:00:00+02:00'),
      { unit: 'week', count: 1 },
      fromIso('2024-04-01'),
      'Europe/Bucharest',
    );
    expect(weekly.index).toBe(1);
    expect(toIso(weekly.startMs)).toBe('2024-03-31T21:00:00.000Z'); // Monday Apr 1 00:00 EEST
  });

  it('always contains the instant, for any anchor, interval, zone and instant (property)', () => {
    fc.assert(
      fc.property(
        anyInstant,
        anyInterval,
        anyInstant,
        fc.constantFrom(...zones),
        (anchorMs, interval, atMs, timeZone) => {
          const period = periodContaining(anchorMs, interval, atMs, timeZone);
          expect(period.startMs).toBeLessThanOrEqual(atMs);
          expect(atMs).toBeLessThan(period.endMs);
          expect(period).toEqual(periodAt(anchorMs, interval, period.index, timeZone));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('puts each boundary instant in the period it starts, and the instant before in the previous one (property)', () => {
    fc.assert(
      fc.property(
        anyInstant,
        anyInterval,
        fc.integer({ min: -40, max: 40 }),
        fc.constantFrom(...zones),
        (anchorMs, interval, index, timeZone) => {
          const { startMs } = periodAt(anchorMs, interval, index, timeZone);
          expect(periodContaining(anchorMs, interval, startMs, timeZone).index).toBe(index);
          expect(periodContaining(anchorMs, interval, startMs - 1, timeZone).index).toBe(index - 1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects invalid instants and intervals', () => {
    expect(() => periodContaining(1.5, month, 0)).toThrow(InvalidInputError);
    expect(() => periodContaining(0, month, Number.NaN)).toThrow(InvalidInputError);
    expect(() => periodContaining(0, { unit: 'month', count: 0 }, 0)).toThrow(InvalidInputError);
    expect(() => periodContaining(0, month, 5e9, 'Nope/Zone')).toThrow(InvalidInputError); // was a NaN period
  });
});

describe('prorationFraction', () => {
  const period = { startMs: fromIso('2024-04-01'), endMs: fromIso('2024-05-01') }; // 30 days = 2_592_000 s

  it('is exact by the second', () => {
    // Apr 14 12:00 → 16.5 days left = 1_425_600 s of 2_592_000 s
    expect(prorationFraction(period, fromIso('2024-04-14T12:00:00Z'))).toEqual({
      remainingSeconds: 1_425_600,
      periodSeconds: 2_592_000,
    });
    // milliseconds are dropped: 12:00:00.999 still leaves 1_425_600 s
    expect(prorationFraction(period, fromIso('2024-04-14T12:00:00.999Z')).remainingSeconds).toBe(1_425_600);
    expect(prorationFraction(period, fromIso('2024-04-14T12:00:01Z')).remainingSeconds).toBe(1_425_599);
  });

  it('is clamped to the period', () => {
    expect(prorationFraction(period, period.startMs)).toEqual({
      remainingSeconds: 2_592_000,
      periodSeconds: 2_592_000,
    });
    expect(prorationFraction(period, period.startMs - 10 * day).remainingSeconds).toBe(2_592_000); // before: all of it
    expect(prorationFraction(period, period.endMs).remainingSeconds).toBe(0);
    expect(prorationFraction(period, period.endMs + day).remainingSeconds).toBe(0); // after: nothing
  });

  it('rejects empty, reversed and sub-second periods', () => {
    expect(() => prorationFraction({ startMs: 10, endMs: 10 }, 0)).toThrow(InvalidInputError);
    expect(() => prorationFraction({ startMs: 10, endMs: 5 }, 0)).toThrow(InvalidInputError);
    expect(() => prorationFraction({ startMs: 1000, endMs: 1500 }, 1200)).toThrow(InvalidInputError);
  });

  it('stays within [0, periodSeconds], decreases with time and matches whole seconds (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }).map((s) => s * 1000),
        fc.integer({ min: 1, max: 1e9 }).map((s) => s * 1000),
        fc.integer({ min: -2e12, max: 2e12 }),
        fc.integer({ min: 0, max: 1e10 }),
        (startMs, lengthMs, offsetMs, laterMs) => {
          const p = { startMs, endMs: startMs + lengthMs };
          const atMs = startMs + offsetMs;
          const { remainingSeconds, periodSeconds } = prorationFraction(p, atMs);
          expect(periodSeconds).toBe(lengthMs / 1000);
          expect(remainingSeconds).toBeGreaterThanOrEqual(0);
          expect(remainingSeconds).toBeLessThanOrEqual(periodSeconds);
          expect(Number.isInteger(remainingSeconds)).toBe(true);
          if (atMs >= startMs && atMs <= p.endMs) {
            expect(remainingSeconds).toBe(Math.floor(p.endMs / 1000) - Math.floor(atMs / 1000));
          }
          expect(prorationFraction(p, atMs + laterMs).remainingSeconds).toBeLessThanOrEqual(remainingSeconds);
        },
      ),
    );
  });
});
