import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { InvalidInputError } from '../errors/index.js';
import { fromIso } from '../time/index.js';
import { recognizedThrough } from './recognized.js';
import { usageRevenueSchedule } from './usage.js';

describe('usageRevenueSchedule', () => {
  it('recognizes usage at delivery: one entry on the last day of the period', () => {
    const period = { startMs: fromIso('2024-03-01'), endMs: fromIso('2024-04-01') };
    expect(usageRevenueSchedule({ netAmount: 3400, period })).toEqual([
      {
        dateIso: '2024-03-31',
        dayStartMs: fromIso('2024-03-31'),
        amount: 3400,
        seconds: 2_678_400,
        serviceEndMs: period.endMs,
      }, // 31 × 86,400 s
    ]);
    const schedule = usageRevenueSchedule({ netAmount: 3400, period });
    expect(recognizedThrough(schedule, fromIso('2024-03-31T23:59:59Z'))).toEqual({
      recognized: 0,
      deferred: 3400,
    });
    expect(recognizedThrough(schedule, period.endMs)).toEqual({ recognized: 3400, deferred: 0 });
  });

  it('dates the entry in the given time zone', () => {
    // Apr 1 00:00 UTC is Apr 1 03:00 in Bucharest: the last instant falls on Apr 1 there
    const period = { startMs: fromIso('2024-03-01'), endMs: fromIso('2024-04-01') };
    expect(usageRevenueSchedule({ netAmount: -50, period }, 'Europe/Bucharest')[0]).toMatchObject({
      dateIso: '2024-04-01',
      dayStartMs: fromIso('2024-03-31T21:00:00Z'),
      amount: -50,
    });
  });

  it('rejects bad lines', () => {
    expect(() => usageRevenueSchedule({ netAmount: 1, period: { startMs: 5, endMs: 5 } })).toThrow(
      InvalidInputError,
    );
    expect(() => usageRevenueSchedule({ netAmount: 0.5, period: { startMs: 0, endMs: 5000 } })).toThrow(
      InvalidInputError,
    );
    expect(() => usageRevenueSchedule({ netAmount: 1, period: { startMs: 0, endMs: 5000 } }, 'X/Y')).toThrow(
      InvalidInputError,
    );
  });

  it('always holds the whole amount in one entry within the period (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 4e12 }),
        fc.integer({ min: 1, max: 1e11 }),
        (netAmount, startMs, lengthMs) => {
          const [entry, ...rest] = usageRevenueSchedule({
            netAmount,
            period: { startMs, endMs: startMs + lengthMs },
          });
          expect(rest).toEqual([]);
          expect(entry!.amount).toBe(netAmount);
          expect(entry!.dayStartMs).toBeLessThan(startMs + lengthMs);
          expect(startMs + lengthMs - entry!.dayStartMs).toBeLessThanOrEqual(86_400_000);
        },
      ),
    );
  });
});
