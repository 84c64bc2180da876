import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { InvalidInputError } from '../errors/index.js';
import { fromIso } from '../time/index.js';
import { revenueSchedule } from './schedule.js';

const line = (netAmount: number, start: string, end: string) => ({
  netAmount,
  period: { startMs: fromIso(start), endMs: fromIso(end) },
});
const amounts = (entries: { amount: number }[]) => entries.map((e) => e.amount);
const zones = [
  'UTC',
  'Europe/Bucharest',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'America/Santiago',
];

describe('revenueSchedule', () => {
  it('recognizes a month ratably, one entry per day', () => {
    const entries = revenueSchedule(line(3000, '2024-04-01', '2024-05-01'));
    expect(entries).toHaveLength(30);
    expect(new Set(amounts(entries))).toEqual(new Set([100])); // 3000 / 30 days = 100 a day
    expect(entries[0]).toEqual({
      dateIso: '2024-04-01',
      dayStartMs: fromIso('2024-04-01'),
      amount: 100,
      seconds: 86_400,
      serviceEndMs: fromIso('2024-04-02'),
    });
    expect(entries[29]!.dateIso).toBe('2024-04-30');
  });

  it('covers the Jan 31 → Feb 29 period of a leap year in 29 days', () => {
    const entries = revenueSchedule(line(2900, '2024-01-31', '2024-02-29'));
    expect(entries.map((e) => e.dateIso).slice(0, 2)).toEqual(['2024-01-31', '2024-02-01']);
    expect(entries.at(-1)!.dateIso).toBe('2024-02-28'); // end exclusive
    expect(amounts(entries)).toEqual(Array.from({ length: 29 }, () => 100)); // 2900 / 29
  });

  it('spreads remainders by largest remainder and sums exactly', () => {
    // 1000 / 3 = 333.33 each → one unit left, to the first day
    expect(amounts(revenueSchedule(line(1000, '2024-04-01', '2024-04-04')))).toEqual([334, 333, 333]);
    // 2 / 3 days = 0.67 each → 1, 1, 0
    expect(amounts(revenueSchedule(line(2, '2024-04-01', '2024-04-04')))).toEqual([1, 1, 0]);
  });

  it('weighs partial first and last days by their seconds', () => {
    // 18:00 → 06:00 two days later: 6 h + 24 h + 6 h = 36 h; 1200 / 36 h = 33.33 an hour
    const entries = revenueSchedule(line(1200, '2024-04-01T18:00:00Z', '2024-04-03T06:00:00Z'));
    expect(entries.map((e) => e.seconds)).toEqual([21_600, 86_400, 21_600]);
    expect(amounts(entries)).toEqual([200, 800, 200]); // 1200 × 6/36, × 24/36, × 6/36
    expect(entries[2]!.serviceEndMs).toBe(fromIso('2024-04-03T06:00:00Z')); // delivered at the period end
  });

  it('books on the calendar days of the given time zone, DST included', () => {
    // March 2024 in Bucharest: 743 hours (Mar 31 has 23); 74300 = 100 an hour
    const march = revenueSchedule(
      line(74_300, '2024-03-01T00:00:00+02:00', '2024-04-01T00:00:00+03:00'),
      'Europe/Bucharest',
    );
    expect(march).toHaveLength(31);
    expect(march[0]!.dateIso).toBe('2024-03-01');
    expect(march.slice(0, 30).every((e) => e.amount === 2400)).toBe(true); // 24 h × 100
    expect(march[30]).toMatchObject({ dateIso: '2024-03-31', amount: 2300, seconds: 82_800 }); // 23 h × 100
    // A UTC day seen from Bucharest (UTC+3 in April): 21 h on Apr 1, 3 h on Apr 2
    const day = revenueSchedule(line(2400, '2024-04-01', '2024-04-02'), 'Europe/Bucharest');
    expect(day.map((e) => [e.dateIso, e.amount])).toEqual([
      ['2024-04-01', 2100],
      ['2024-04-02', 300],
    ]);
    expect(day[0]!.dayStartMs).toBe(fromIso('2024-03-31T21:00:00Z')); // local midnight
  });

  it('starts a day at its first instant when DST skips midnight (Santiago, Sep 8 2024)', () => {
    const entries = revenueSchedule(
      line(4700, '2024-09-07T00:00:00-04:00', '2024-09-09T00:00:00-03:00'),
      'America/Santiago',
    );
    // Sep 7: 24 h; Sep 8 starts at 01:00 -03 (00:00 does not exist): 23 h; 4700 / 47 h = 100 an hour
    expect(entries.map((e) => [e.dateIso, e.amount])).toEqual([
      ['2024-09-07', 2400],
      ['2024-09-08', 2300],
    ]);
    expect(entries[1]!.dayStartMs).toBe(fromIso('2024-09-08T04:00:00Z'));
  });

  it('unrecognizes credits the same way, with negative amounts', () => {
    expect(amounts(revenueSchedule(line(-1000, '2024-04-01', '2024-04-04')))).toEqual([-334, -333, -333]);
    expect(amounts(revenueSchedule(line(0, '2024-04-01', '2024-04-03')))).toEqual([0, 0]);
  });

  it('drops milliseconds and days without a whole second of service', () => {
    // ends 0.5 s into Apr 2: that day has no whole second, so it gets no entry
    const entries = revenueSchedule({
      netAmount: 100,
      period: { startMs: fromIso('2024-04-01'), endMs: fromIso('2024-04-02') + 500 },
    });
    expect(entries.map((e) => e.dateIso)).toEqual(['2024-04-01']);
    expect(entries[0]!.amount).toBe(100);
  });

  it('rejects bad lines', () => {
    expect(() => revenueSchedule(line(10.5, '2024-04-01', '2024-04-02'))).toThrow(InvalidInputError);
    expect(() => revenueSchedule(line(10, '2024-04-02', '2024-04-01'))).toThrow(InvalidInputError);
    expect(() => revenueSchedule({ netAmount: 1, period: { startMs: 0, endMs: 999 } })).toThrow(
      InvalidInputError,
    );
    expect(() => revenueSchedule(line(10, '2024-04-01', '2024-04-02'), 'Mars/Olympus')).toThrow(
      InvalidInputError,
    );
    expect(() => revenueSchedule(line(10, '1900-01-01', '2024-04-02'))).toThrow(InvalidInputError); // > 36,600 days
  });

  const anyLine = fc.record({
    netAmount: fc.integer({ min: -1e10, max: 1e10 }),
    startMs: fc.integer({ min: fromIso('2000-01-01'), max: fromIso('2040-01-01') }),
    lengthMs: fc.integer({ min: 1000, max: 400 * 86_400_000 }),
    timeZone: fc.constantFrom(...zones),
  });

  it('sums exactly to the net amount, within 1 of each day’s exact share (property)', () => {
    fc.assert(
      fc.property(anyLine, ({ netAmount, startMs, lengthMs, timeZone }) => {
        const endMs = startMs + lengthMs;
        const entries = revenueSchedule({ netAmount, period: { startMs, endMs } }, timeZone);
        expect(entries.reduce((sum, e) => sum + e.amount, 0)).toBe(netAmount);
        const totalSeconds = Math.floor(endMs / 1000) - Math.floor(startMs / 1000);
        expect(entries.reduce((sum, e) => sum + e.seconds, 0)).toBe(totalSeconds);
        for (const e of entries) {
          // |amount − net × seconds / total| < 1  ⇔  |amount × total − net × seconds| < total
          const diff = BigInt(e.amount) * BigInt(totalSeconds) - BigInt(netAmount) * BigInt(e.seconds);
          expect(diff < 0n ? -diff : diff).toBeLessThan(BigInt(totalSeconds));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('lists distinct, ascending local days, each at most 25 hours (property)', () => {
    fc.assert(
      fc.property(anyLine, ({ netAmount, startMs, lengthMs, timeZone }) => {
        const entries = revenueSchedule(
          { netAmount, period: { startMs, endMs: startMs + lengthMs } },
          timeZone,
        );
        entries.forEach((e, i) => {
          expect(e.dateIso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(e.seconds).toBeGreaterThan(0);
          expect(e.seconds).toBeLessThanOrEqual(25 * 3600);
          expect(e.serviceEndMs).toBeLessThanOrEqual(startMs + lengthMs);
          if (i > 0) {
            expect(e.dateIso > entries[i - 1]!.dateIso).toBe(true);
            expect(e.dayStartMs).toBe(entries[i - 1]!.serviceEndMs); // days follow each other
          }
        });
      }),
      { numRuns: 60 },
    );
  });
});
