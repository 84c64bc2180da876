import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { nextAttemptAfterFailure, RETRY_DELAYS_MS, RETRY_WINDOW_MS } from '../../src/webhooks/backoff.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('webhook backoff', () => {
  it('waits 1 min, 5 min, 30 min, 2 h, 5 h, then 10 h', () => {
    const start = 1_000_000;
    expect(nextAttemptAfterFailure(1, start, start)).toBe(start + MIN);
    expect(nextAttemptAfterFailure(2, start, start + MIN)).toBe(start + MIN + 5 * MIN);
    expect(nextAttemptAfterFailure(3, start, start)).toBe(start + 30 * MIN);
    expect(nextAttemptAfterFailure(4, start, start)).toBe(start + 2 * HOUR);
    expect(nextAttemptAfterFailure(5, start, start)).toBe(start + 5 * HOUR);
    expect(nextAttemptAfterFailure(6, start, start)).toBe(start + 10 * HOUR);
    expect(nextAttemptAfterFailure(40, start, start)).toBe(start + 10 * HOUR);
  });

  it('gives up once a failure happens 3 days or more after the start', () => {
    expect(nextAttemptAfterFailure(9, 0, RETRY_WINDOW_MS - 1)).toBe(RETRY_WINDOW_MS - 1 + 10 * HOUR);
    expect(nextAttemptAfterFailure(9, 0, RETRY_WINDOW_MS)).toBeUndefined();
  });

  it('delays never shrink, and a receiver down for good is retried until ≥ 3 days, then given up, in a bounded number of attempts', () => {
    for (let i = 1; i < RETRY_DELAYS_MS.length; i += 1) expect(RETRY_DELAYS_MS[i]!).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[i - 1]!);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.array(fc.integer({ min: 0, max: 3 * HOUR }), { maxLength: 40 }), (start, lateness) => {
        // A worker may run late by some amount after each due instant; the rule still ends.
        let now = start;
        let attempts = 0;
        for (;;) {
          attempts += 1;
          const next = nextAttemptAfterFailure(attempts, start, now);
          if (next === undefined) break;
          expect(next).toBeGreaterThan(now);
          expect(attempts).toBeLessThan(60);
          now = next + (lateness[attempts] ?? 0);
        }
        expect(now - start).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
      }),
    );
  });
});
