import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { aggregateUsage, type UsageEvent } from './usage.js';

const events: UsageEvent[] = [
  { quantity: 5, timestampMs: 3000, value: 'u1' },
  { quantity: 9, timestampMs: 1000, value: 'u2' },
  { quantity: 2, timestampMs: 2000, value: 'u1' },
];

describe('aggregateUsage', () => {
  it('sums', () => expect(aggregateUsage(events, 'sum')).toBe(16)); // 5 + 9 + 2
  it('takes the max', () => expect(aggregateUsage(events, 'max')).toBe(9));
  it('takes the latest by timestamp, not by position', () => expect(aggregateUsage(events, 'last')).toBe(5)); // t=3000
  it('breaks a timestamp tie towards the later-listed event', () => {
    expect(aggregateUsage([{ quantity: 1, timestampMs: 5 }, { quantity: 7, timestampMs: 5 }], 'last')).toBe(7);
  });
  it('counts unique values', () => expect(aggregateUsage(events, 'count_unique')).toBe(2)); // u1, u2
  it('is 0 with no events', () => {
    for (const a of ['sum', 'max', 'last', 'count_unique'] as const) expect(aggregateUsage([], a)).toBe(0);
  });
  it('rejects bad events with their param', () => {
    expect(() => aggregateUsage([{ quantity: -1, timestampMs: 0 }], 'sum')).toThrow(expect.objectContaining({ param: 'events[0].quantity' }));
    expect(() => aggregateUsage([{ quantity: 1, timestampMs: 0.5 }], 'sum')).toThrow(expect.objectContaining({ param: 'events[0].timestampMs' }));
    expect(() => aggregateUsage([{ quantity: 1, timestampMs: 0 }], 'count_unique')).toThrow(expect.objectContaining({ param: 'events[0].value' }));
    expect(() => aggregateUsage([{ quantity: Number.MAX_SAFE_INTEGER, timestampMs: 0 }, { quantity: 1, timestampMs: 0 }], 'sum')).toThrow(
      expect.objectContaining({ param: 'events' }),
    );
  });

  const eventArb = fc.array(
    fc.record({ quantity: fc.nat({ max: 1e6 }), timestampMs: fc.nat({ max: 1e12 }), value: fc.constantFrom('a', 'b', 'c', 'd') }),
    { maxLength: 30 },
  );
  it('does not depend on the order of events for sum, max, count_unique (property)', () => {
    fc.assert(
      fc.property(eventArb, fc.func(fc.integer()), (list, key) => {
        const shuffled = [...list].sort((x, y) => key(x) - key(y));
        for (const a of ['sum', 'max', 'count_unique'] as const) expect(aggregateUsage(shuffled, a)).toBe(aggregateUsage(list, a));
      }),
    );
  });
  it('max ≤ sum, last ≤ max, count_unique ≤ events (property)', () => {
    fc.assert(
      fc.property(eventArb, (list) => {
        expect(aggregateUsage(list, 'max')).toBeLessThanOrEqual(aggregateUsage(list, 'sum'));
        expect(aggregateUsage(list, 'last')).toBeLessThanOrEqual(aggregateUsage(list, 'max'));
        expect(aggregateUsage(list, 'count_unique')).toBeLessThanOrEqual(list.length);
      }),
    );
  });
});
