import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { TZDate } from '@date-fns/tz';
import { InvalidInputError } from '../errors/index.js';
import { addIntervals, assertInstant, assertInterval, assertTimeZone, type Interval } from './interval.js';
import { fromIso, toIso } from './iso.js';

const month: Interval = { unit: 'month', count: 1 };
const bucharest = 'Europe/Bucharest';
const iso = (anchor: string, interval: Interval, n: number, timeZone?: string) =>
  toIso(addIntervals(fromIso(anchor), interval, n, timeZone));

describe('addIntervals', () => {
  it('clamps a Jan 31 anchor to each month’s end without drifting', () => {
    const anchor = '2024-01-31T10:00:00Z';
    expect(iso(anchor, month, 0)).toBe('2024-01-31T10:00:00.000Z');
    expect(iso(anchor, month, 1)).toBe('2024-02-29T10:00:00.000Z'); // 2024 is a leap year
    expect(iso(anchor, month, 2)).toBe('2024-03-31T10:00:00.000Z'); // back to the 31st, not Mar 29
    expect(iso(anchor, month, 3)).toBe('2024-04-30T10:00:00.000Z');
    expect(iso(anchor, month, 13)).toBe('2025-02-28T10:00:00.000Z'); // 2025 is not
    expect(iso(anchor, month, -2)).toBe('2023-11-30T10:00:00.000Z');
  });

  it('handles quarterly and multi-year intervals from the anchor', () => {
    expect(iso('2023-11-30T00:00:00Z', { unit: 'month', count: 3 }, 1)).toBe('2024-02-29T00:00:00.000Z');
    expect(iso('2023-11-30T00:00:00Z', { unit: 'month', count: 3 }, 2)).toBe('2024-05-30T00:00:00.000Z');
    expect(iso('2024-02-29T00:00:00Z', { unit: 'year', count: 4 }, 1)).toBe('2028-02-29T00:00:00.000Z');
  });

  it('moves a Feb 29 yearly anchor to Feb 28 in common years and back to Feb 29 in leap years', () => {
    const year: Interval = { unit: 'year', count: 1 };
    expect(iso('2024-02-29T12:00:00Z', year, 1)).toBe('2025-02-28T12:00:00.000Z');
    expect(iso('2024-02-29T12:00:00Z', year, 3)).toBe('2027-02-28T12:00:00.000Z');
    expect(iso('2024-02-29T12:00:00Z', year, 4)).toBe('2028-02-29T12:00:00.000Z');
    expect(iso('2024-02-29T12:00:00Z', year, 76)).toBe('2100-02-28T12:00:00.000Z'); // 2100: not a leap year
    expect(iso('2000-02-29T12:00:00Z', year, 400)).toBe('2400-02-29T12:00:00.000Z'); // 2400: it is
  });

  it('adds days and weeks as calendar days', () => {
    const day: Interval = { unit: 'day', count: 1 };
    expect(iso('2024-02-28T09:30:00Z', day, 1)).toBe('2024-02-29T09:30:00.000Z');
    expect(iso('2024-02-28T09:30:00Z', day, 2)).toBe('2024-03-01T09:30:00.000Z');
    expect(iso('2024-02-28T09:30:00Z', { unit: 'day', count: 30 }, 1)).toBe('2024-03-29T09:30:00.000Z');
    expect(iso('2024-12-30T00:00:00Z', { unit: 'week', count: 1 }, 1)).toBe('2025-01-06T00:00:00.000Z');
    expect(iso('2024-02-26T00:00:00Z', { unit: 'week', count: 2 }, 1)).toBe('2024-03-11T00:00:00.000Z');
  });

  it('keeps the local wall-clock time across DST in Europe/Bucharest', () => {
    // Mar 31 2024 03:00 EET → 04:00 EEST; Oct 27 2024 04:00 EEST → 03:00 EET.
    const anchor = '2024-03-15T10:00:00+02:00'; // 10:00 local, UTC+2
    expect(iso(anchor, month, 1, bucharest)).toBe('2024-04-15T07:00:00.000Z'); // 10:00 local, UTC+3
    expect(iso(anchor, month, 7, bucharest)).toBe('2024-10-15T07:00:00.000Z');
    expect(iso(anchor, month, 8, bucharest)).toBe('2024-11-15T08:00:00.000Z'); // back to UTC+2
    // The UTC calendar would give 08:00Z, i.e. 11:00 local in summer.
    expect(iso(anchor, month, 1)).toBe('2024-04-15T08:00:00.000Z');
    // A day over the spring change is 23 hours, over the autumn change 25 hours.
    expect(iso('2024-03-30T12:00:00+02:00', { unit: 'day', count: 1 }, 1, bucharest)).toBe(
      '2024-03-31T09:00:00.000Z',
    );
    expect(iso('2024-10-26T12:00:00+03:00', { unit: 'day', count: 1 }, 1, bucharest)).toBe(
      '2024-10-27T10:00:00.000Z',
    );
    expect(iso('2024-03-25T00:00:00+02:00', { unit: 'week', count: 1 }, 1, bucharest)).toBe(
      '2024-03-31T21:00:00.000Z',
    );
  });

  it('keeps month-end clamping and wall-clock together (Jan 31 local midnight in Bucharest)', () => {
    const anchor = '2024-01-31T00:00:00+02:00';
    expect(iso(anchor, month, 1, bucharest)).toBe('2024-02-28T22:00:00.000Z'); // Feb 29 00:00 EET
    expect(iso(anchor, month, 2, bucharest)).toBe('2024-03-30T22:00:00.000Z'); // Mar 31 00:00 EET (DST starts at 03:00)
    expect(iso(anchor, month, 3, bucharest)).toBe('2024-04-29T21:00:00.000Z'); // Apr 30 00:00 EEST
  });

  it('lands on the clamped day of month and the anchor’s local time, for any anchor and zone (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: fromIso('1990-01-01'), max: fromIso('2060-01-01') }),
        fc.integer({ min: -30, max: 30 }),
        fc.constantFrom('UTC', bucharest, 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland'),
        (anchorMs, n, timeZone) => {
          const anchor = new TZDate(anchorMs, timeZone);
          const result = new TZDate(addIntervals(anchorMs, month, n, timeZone), timeZone);
          const target = anchor.getFullYear() * 12 + anchor.getMonth() + n;
          expect(result.getFullYear() * 12 + result.getMonth()).toBe(target);
          const lastDay = new Date(Date.UTC(Math.floor(target / 12), (target % 12) + 1, 0)).getUTCDate();
          expect(result.getDate()).toBe(Math.min(anchor.getDate(), lastDay));
          // The wall-clock time is kept unless it does not exist that day (DST gap): then it moves forward.
          const minutes = (d: Date) => d.getHours() * 60 + d.getMinutes();
          const shift = minutes(result) - minutes(anchor);
          expect(shift === 0 || (shift > 0 && shift <= 60)).toBe(true);
        },
      ),
    );
  });
});

describe('assertTimeZone', () => {
  it('accepts IANA zones and rejects unknown ones instead of returning NaN dates', () => {
    expect(assertTimeZone('Europe/Bucharest')).toBe('Europe/Bucharest');
    expect(assertTimeZone('+02:00')).toBe('+02:00');
    expect(() => assertTimeZone('+25:00')).toThrow(InvalidInputError);
    expect(() => assertTimeZone('Europe/Bucharets', 'customer.timeZone')).toThrow(
      expect.objectContaining({ param: 'customer.timeZone' }),
    );
    expect(() => addIntervals(0, month, 1, 'Nope/Zone')).toThrow(InvalidInputError);
  });
});

describe('assertInterval and assertInstant', () => {
  it('accept valid values and reject the rest with the param named', () => {
    expect(assertInterval({ unit: 'month', count: 12 })).toEqual({ unit: 'month', count: 12 });
    for (const bad of [
      { unit: 'month', count: 0 },
      { unit: 'month', count: 1.5 },
      { unit: 'day', count: 366 },
      { unit: 'fortnight', count: 1 },
    ]) {
      expect(() => assertInterval(bad as Interval, 'recurring.interval')).toThrow(
        expect.objectContaining({ param: 'recurring.interval' }),
      );
    }
    expect(assertInstant(0)).toBe(0);
    expect(() => assertInstant(1.5)).toThrow(InvalidInputError);
    expect(() => assertInstant(8.64e15 + 1)).toThrow(InvalidInputError);
  });
});
