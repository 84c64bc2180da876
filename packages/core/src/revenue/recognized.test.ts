import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { InvalidInputError } from '../errors/index.js';
import { fromIso } from '../time/index.js';
import { recognizedThrough } from './recognized.js';
import { revenueSchedule } from './schedule.js';

const april = revenueSchedule({
  netAmount: 3000,
  period: { startMs: fromIso('2024-04-01'), endMs: fromIso('2024-05-01') },
});

describe('recognizedThrough', () => {
  it('recognizes the days whose service is delivered and defers the rest', () => {
    expect(recognizedThrough(april, fromIso('2024-04-01'))).toEqual({ recognized: 0, deferred: 3000 });
    // Apr 11 00:00: Apr 1–10 delivered, 10 × 100
    expect(recognizedThrough(april, fromIso('2024-04-11'))).toEqual({ recognized: 1000, deferred: 2000 });
    // Apr 11 18:00: Apr 11 is still in progress, so still 10 days
    expect(recognizedThrough(april, fromIso('2024-04-11T18:00:00Z'))).toEqual({
      recognized: 1000,
      deferred: 2000,
    });
    expect(recognizedThrough(april, fromIso('2024-05-01'))).toEqual({ recognized: 3000, deferred: 0 });
    expect(recognizedThrough(april, fromIso('2030-01-01'))).toEqual({ recognized: 3000, deferred: 0 });
    expect(recognizedThrough(april, fromIso('2020-01-01'))).toEqual({ recognized: 0, deferred: 3000 });
  });

  it('recognizes a partial last day at the period end, not at midnight', () => {
    const schedule = revenueSchedule({
      netAmount: 1200,
      period: { startMs: fromIso('2024-04-01T18:00:00Z'), endMs: fromIso('2024-04-03T06:00:00Z') },
    });
    expect(recognizedThrough(schedule, fromIso('2024-04-03T06:00:00Z'))).toEqual({
      recognized: 1200,
      deferred: 0,
    });
    expect(recognizedThrough(schedule, fromIso('2024-04-03T05:59:59Z'))).toEqual({
      recognized: 1000,
      deferred: 200,
    }); // 200 + 800
  });

  it('splits credits too, and an empty schedule is zero', () => {
    const credit = revenueSchedule({
      netAmount: -1000,
      period: { startMs: fromIso('2024-04-01'), endMs: fromIso('2024-04-04') },
    });
    expect(recognizedThrough(credit, fromIso('2024-04-02'))).toEqual({ recognized: -334, deferred: -666 });
    expect(recognizedThrough([], 0)).toEqual({ recognized: 0, deferred: 0 });
  });

  it('rejects bad instants and entries', () => {
    expect(() => recognizedThrough(april, Number.NaN)).toThrow(InvalidInputError);
    expect(() => recognizedThrough([{ ...april[0]!, amount: 0.5 }], 0)).toThrow(InvalidInputError);
  });

  it('always adds up to the net amount and only grows with time (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: -5, max: 130 }),
        fc.integer({ min: 0, max: 10 * 86_400_000 }),
        (netAmount, days, atDay, laterMs) => {
          const startMs = fromIso('2024-01-15T08:00:00Z');
          const schedule = revenueSchedule(
            { netAmount, period: { startMs, endMs: startMs + days * 86_400_000 } },
            'Europe/Bucharest',
          );
          const atMs = startMs + atDay * 86_400_000;
          const now = recognizedThrough(schedule, atMs);
          expect(now.recognized + now.deferred).toBe(netAmount);
          const later = recognizedThrough(schedule, atMs + laterMs);
          expect(Math.abs(later.recognized)).toBeGreaterThanOrEqual(Math.abs(now.recognized));
          if (atMs >= startMs + days * 86_400_000) expect(now.deferred).toBe(0);
        },
      ),
    );
  });
});
