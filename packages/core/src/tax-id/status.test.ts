import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors/index.js';
import {
  defaultTaxIdRetryPolicy,
  taxIdCheckDue,
  taxIdRetryDelayMs,
  taxIdStatusAfterCheck,
  type TaxIdVerificationState,
} from './status.js';
import type { TaxIdVerificationResult } from './verifier.js';

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0); // 2026-01-15T12:00:00Z
const MIN = 60_000;
const HOUR = 3_600_000;

describe('taxIdStatusAfterCheck', () => {
  it('a first unavailable answer leaves the id pending and retries in 5 minutes', () => {
    expect(taxIdStatusAfterCheck(undefined, { status: 'unavailable' }, T0)).toEqual({
      status: 'pending',
      unavailableCount: 1,
      checkedAtMs: T0,
      nextCheckAtMs: T0 + 5 * MIN, // base delay × 2⁰
    });
  });

  it('backs off 5, 10, 20, 40 minutes … and caps at one day', () => {
    let state: TaxIdVerificationState | undefined;
    const waits: number[] = [];
    let at = T0;
    for (let i = 0; i < 12; i += 1) {
      state = taxIdStatusAfterCheck(state, { status: 'unavailable' }, at);
      waits.push((state.nextCheckAtMs ?? at) - at);
      at = state.nextCheckAtMs ?? at;
    }
    // 5 × 2ⁿ minutes: 5, 10, 20, 40, 80, 160, 320, 640, 1280 (21 h 20 min), then 2560 > 1440 → 24 h
    expect(waits.map((w) => w / MIN)).toEqual([5, 10, 20, 40, 80, 160, 320, 640, 1280, 1440, 1440, 1440]);
    expect(state?.status).toBe('pending');
  });

  it('a verified answer ends the retries and keeps the registered name and address', () => {
    const pending = taxIdStatusAfterCheck(undefined, { status: 'unavailable' }, T0);
    const result: TaxIdVerificationResult = { status: 'verified', name: 'ACME SRL', address: 'Str. Lunga 1, Cluj' };
    expect(taxIdStatusAfterCheck(pending, result, T0 + 5 * MIN)).toEqual({
      status: 'verified',
      unavailableCount: 0,
      checkedAtMs: T0 + 5 * MIN,
      nextCheckAtMs: undefined,
      name: 'ACME SRL',
      address: 'Str. Lunga 1, Cluj',
    });
  });

  it('an unverified answer is definite', () => {
    expect(taxIdStatusAfterCheck(undefined, { status: 'unverified' }, T0)).toEqual({
      status: 'unverified',
      unavailableCount: 0,
      checkedAtMs: T0,
      nextCheckAtMs: undefined,
    });
  });

  it('an outage on re-check does not forget an earlier answer', () => {
    const verified = taxIdStatusAfterCheck(undefined, { status: 'verified', name: 'ACME' }, T0);
    const after = taxIdStatusAfterCheck(verified, { status: 'unavailable' }, T0 + HOUR);
    expect(after).toMatchObject({ status: 'verified', name: 'ACME', unavailableCount: 1, nextCheckAtMs: T0 + HOUR + 5 * MIN });
  });

  it('takes a custom policy and rejects bad input', () => {
    const policy = { baseDelayMs: MIN, maxDelayMs: 3 * MIN };
    expect(taxIdRetryDelayMs(1, policy)).toBe(MIN);
    expect(taxIdRetryDelayMs(3, policy)).toBe(3 * MIN); // 4 min capped at 3
    expect(taxIdRetryDelayMs(1000)).toBe(defaultTaxIdRetryPolicy.maxDelayMs);
    expect(() => taxIdStatusAfterCheck(undefined, { status: 'unavailable' }, 1.5)).toThrow(InvalidInputError);
    expect(() => taxIdStatusAfterCheck(undefined, { status: 'unavailable' }, T0, { baseDelayMs: 0, maxDelayMs: 1 })).toThrow(
      expect.objectContaining({ param: 'baseDelayMs' }),
    );
    expect(() => taxIdStatusAfterCheck(undefined, { status: 'unavailable' }, T0, { baseDelayMs: 10, maxDelayMs: 5 })).toThrow(
      expect.objectContaining({ param: 'maxDelayMs' }),
    );
  });

  it('is due exactly from nextCheckAtMs on', () => {
    const pending = taxIdStatusAfterCheck(undefined, { status: 'unavailable' }, T0);
    expect(taxIdCheckDue(pending, T0 + 5 * MIN - 1)).toBe(false);
    expect(taxIdCheckDue(pending, T0 + 5 * MIN)).toBe(true);
    expect(taxIdCheckDue(taxIdStatusAfterCheck(pending, { status: 'verified' }, T0), T0 + 365 * 24 * HOUR)).toBe(false);
  });
});

describe('taxIdStatusAfterCheck properties', () => {
  const result = fc.constantFrom<TaxIdVerificationResult>({ status: 'verified' }, { status: 'unverified' }, { status: 'unavailable' });

  it('an unavailable registry never makes an id unverified, and always schedules a later check', () => {
    fc.assert(
      fc.property(fc.array(result, { maxLength: 30 }), fc.array(fc.integer({ min: 0, max: 10 * 24 * HOUR }), { minLength: 30, maxLength: 30 }), (results, gaps) => {
        let state: TaxIdVerificationState | undefined;
        let at = T0;
        let lastDefinite: 'verified' | 'unverified' | undefined;
        let previousDelay = 0;
        results.forEach((r, i) => {
          at += gaps[i] ?? 0;
          state = taxIdStatusAfterCheck(state, r, at);
          if (r.status === 'unavailable') {
            expect(state.status).toBe(lastDefinite ?? 'pending');
            const delay = (state.nextCheckAtMs ?? 0) - at;
            expect(delay).toBeGreaterThan(0);
            expect(delay).toBeLessThanOrEqual(defaultTaxIdRetryPolicy.maxDelayMs);
            // backoff never shrinks while the outage lasts
            expect(delay).toBeGreaterThanOrEqual(previousDelay);
            previousDelay = delay;
          } else {
            lastDefinite = r.status;
            previousDelay = 0;
            expect(state).toMatchObject({ status: r.status, unavailableCount: 0, nextCheckAtMs: undefined });
          }
          expect(state.checkedAtMs).toBe(at);
        });
      }),
    );
  });
});
