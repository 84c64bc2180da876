import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { trialEnd } from './trial.js';

const day = 86_400_000;

describe('trialEnd', () => {
  it('adds calendar days', () => {
    expect(trialEnd(Date.UTC(2026, 0, 25), 14)).toBe(Date.UTC(2026, 1, 8)); // Jan 25 + 14 d = Feb 8
    expect(trialEnd(Date.UTC(2028, 1, 20, 9), 10)).toBe(Date.UTC(2028, 2, 1, 9)); // leap year: Feb 20 + 10 = Mar 1
    expect(trialEnd(Date.UTC(2026, 0, 1), 0)).toBe(Date.UTC(2026, 0, 1)); // no trial
  });
  it('keeps the wall-clock time across DST in the customer time zone', () => {
    // 2026-03-25 10:00 Bucharest (UTC+2) + 7 days = 2026-04-01 10:00 (UTC+3 after Mar 29): 7 days − 1 h
    const start = Date.UTC(2026, 2, 25, 8);
    expect(trialEnd(start, 7, 'Europe/Bucharest')).toBe(Date.UTC(2026, 3, 1, 7));
    expect(trialEnd(start, 7, 'Europe/Bucharest') - start).toBe(7 * day - 3_600_000);
  });
  it('rejects bad input', () => {
    expect(() => trialEnd(0, -1)).toThrow(expect.objectContaining({ param: 'trialDays' }));
    expect(() => trialEnd(0, 1.5)).toThrow(expect.objectContaining({ param: 'trialDays' }));
    expect(() => trialEnd(0.5, 1)).toThrow(expect.objectContaining({ param: 'startMs' }));
    expect(() => trialEnd(0, 1, 'Mars/Olympus')).toThrow(expect.objectContaining({ param: 'timeZone' }));
  });
  it('is exactly n × 24 h in UTC (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 0, max: 730 }), (start, n) => {
        expect(trialEnd(start, n)).toBe(start + n * day);
      }),
    );
  });
});
