import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describePeriod } from './lines.js';

/** The formatter describePeriod used before its fast path: a TZDate and date-fns per call. */
function referenceDescribePeriod(startMs: number, endMs: number, timeZone: string): string {
  const day = (ms: number): string => format(new TZDate(ms, timeZone), 'd MMM yyyy');
  return `${day(startMs)} – ${day(endMs)}`;
}

const zones = ['UTC', '+05:30', '-09:30', '+00:00', '-12:00', '+14:00', ...Intl.supportedValuesOf('timeZone')];
const zone = fc.constantFrom(...zones);
// Mostly billing-era instants, some from the LMT era (offsets with seconds) and the far range.
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }),
  fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(1990, 0, 1) }),
  fc.integer({ min: -8.6e15, max: 8.6e15 }),
);

describe('describePeriod', () => {
  it('writes what a fresh TZDate + date-fns format would, for any instant and zone', () => {
    fc.assert(
      fc.property(instant, instant, zone, (a, b, timeZone) => {
        expect(describePeriod({ startMs: a, endMs: b }, timeZone)).toBe(referenceDescribePeriod(a, b, timeZone));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees at DST switches and midnights, where an off-by-one offset would show', () => {
    // 2026-03-29 01:00Z is the EU spring switch; ±1 ms around it and around local midnights.
    const edges = [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1), Date.UTC(2026, 10, 26), Date.UTC(2026, 10, 25, 23)];
    for (const timeZone of ['Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC', '+05:30']) {
      for (const edge of edges) {
        for (const ms of [edge - 1, edge, edge + 1]) {
          expect(describePeriod({ startMs: ms, endMs: ms + 1 }, timeZone)).toBe(referenceDescribePeriod(ms, ms + 1, timeZone));
        }
      }
    }
  });

  it('writes literal dates', () => {
    expect(describePeriod({ startMs: Date.UTC(2026, 10, 26), endMs: Date.UTC(2026, 11, 26) })).toBe('26 Nov 2026 – 26 Dec 2026');
    // 2026-11-26T00:00Z is 05:30 in +05:30, 2026-11-25T20:00Z is 01:30 the next day there
    expect(describePeriod({ startMs: Date.UTC(2026, 10, 26), endMs: Date.UTC(2026, 10, 25, 20) }, '+05:30')).toBe('26 Nov 2026 – 26 Nov 2026');
    // year 5 AD is padded to four digits; 0 is 1 BC, written era-less as 0001
    expect(describePeriod({ startMs: Date.parse('0005-01-01T00:00:00Z'), endMs: Date.parse('0000-06-01T00:00:00Z') })).toBe('1 Jan 0005 – 1 Jun 0001');
  });

  it('still refuses an unknown time zone', () => {
    expect(() => describePeriod({ startMs: 0, endMs: 1 }, 'Europe/Bucharets')).toThrow(expect.objectContaining({ param: 'timeZone' }));
  });
});
