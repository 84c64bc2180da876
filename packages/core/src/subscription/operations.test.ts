import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, InvariantError } from '../errors/index.js';
import { periodSequence, type Interval } from '../time/index.js';
import { InvalidTransitionError } from './errors.js';
import {
  advancePeriod,
  applyScheduledChange,
  cancelAtPeriodEnd,
  cancelNow,
  clearScheduledChange,
  pause,
  resume,
  scheduleChange,
  uncancel,
} from './operations.js';
import { at, flatPrice, item, monthly, seatPrice, subscription, yearly } from './test-fixtures.js';
import { transition } from './transition.js';
import type { Subscription } from './types.js';

const MID = at('2026-11-15T00:00:00Z');
const END = at('2026-12-01T00:00:00Z');

function renewTimes(sub: Subscription, n: number): Subscription[] {
  const out = [sub];
  for (let i = 0; i < n; i++) out.push(advancePeriod(out[i]!, out[i]!.currentPeriod.endMs));
  return out;
}

describe('advancePeriod', () => {
  it('keeps a Jan 31 anchor at month-end over 15 renewals, contiguous, through Feb 29 2028', () => {
    const anchorMs = at('2027-01-31T12:00:00Z');
    const sub = subscription({ anchorMs, currentPeriod: { startMs: anchorMs, endMs: at('2027-02-28T12:00:00Z') } });
    const subs = renewTimes(sub, 15);
    const starts = subs.map((s) => new Date(s.currentPeriod.startMs).toISOString().slice(0, 10));
    expect(starts).toEqual([
      '2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31', '2027-06-30', '2027-07-31', '2027-08-31',
      '2027-09-30', '2027-10-31', '2027-11-30', '2027-12-31', '2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30',
    ]);
    for (let i = 1; i < subs.length; i++) {
      expect(subs[i]!.currentPeriod.startMs).toBe(subs[i - 1]!.currentPeriod.endMs);
      expect(subs[i]!.anchorMs).toBe(anchorMs);
      expect(subs[i]!.version).toBe(sub.version + i);
    }
    // the 16th period ends on 2028-05-31 12:00, not on the 30th
    expect(subs[15]!.currentPeriod.endMs).toBe(at('2028-05-31T12:00:00Z'));
  });

  it('keeps the wall-clock time of the anchor across DST in the customer zone', () => {
    // 2026-03-15 10:00 in Bucharest is 08:00 UTC (EET, +2); on 2026-04-15 it is 07:00 UTC (EEST, +3).
    const anchorMs = at('2026-03-15T08:00:00Z');
    const sub = subscription({ anchorMs, timeZone: 'Europe/Bucharest', currentPeriod: { startMs: anchorMs, endMs: at('2026-04-15T07:00:00Z') } });
    expect(advancePeriod(sub, at('2026-04-15T07:00:00Z')).currentPeriod).toEqual({
      startMs: at('2026-04-15T07:00:00Z'),
      endMs: at('2026-05-15T07:00:00Z'),
    });
  });

  it('agrees with periodSequence for any anchor and interval (property)', () => {
    const intervals: Interval[] = [monthly, yearly, { unit: 'week', count: 2 }, { unit: 'day', count: 30 }, { unit: 'month', count: 3 }];
    fc.assert(
      fc.property(
        fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2060-01-01T00:00:00Z') }),
        fc.constantFrom(...intervals),
        fc.integer({ min: 1, max: 14 }),
        (anchorMs, interval, n) => {
          const expected = periodSequence(anchorMs, interval, n + 1);
          const sub = subscription({
            items: [item(flatPrice('p', 'prod', 1000, interval))],
            anchorMs,
            currentPeriod: { startMs: expected[0]!.startMs, endMs: expected[0]!.endMs },
          });
          const got = renewTimes(sub, n).map((s) => s.currentPeriod);
          expect(got).toEqual(expected.map(({ startMs, endMs }) => ({ startMs, endMs })));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('throws loudly when the current period is off the anchor sequence', () => {
    const sub = subscription({ currentPeriod: { startMs: at('2026-11-01T00:00:00Z'), endMs: at('2026-11-20T00:00:00Z') } });
    expect(() => advancePeriod(sub, at('2026-11-20T00:00:00Z'))).toThrow(InvariantError);
  });

  it('renews past_due and unpaid subscriptions in their status', () => {
    expect(advancePeriod(subscription({ status: 'past_due' }), END).status).toBe('past_due');
    expect(advancePeriod(subscription({ status: 'unpaid' }), END).status).toBe('unpaid');
    expect(() => advancePeriod(subscription({ status: 'paused' }), END)).toThrow(InvalidTransitionError);
  });
});

describe('scheduled changes', () => {
  const enterprise = item(flatPrice('price_ent', 'prod_ent', 9900));

  it('schedules at the period end, applies at renewal, and clears', () => {
    const scheduled = scheduleChange(subscription(), [enterprise], MID);
    expect(scheduled.scheduledChange).toEqual({ items: [enterprise], effectiveAtMs: END });
    expect(scheduled.items[0]!.priceId).toBe('price_pro'); // not yet
    const renewed = applyScheduledChange(scheduled, END);
    expect(renewed.items).toEqual([enterprise]);
    expect(renewed.scheduledChange).toBeUndefined();
    expect(renewed.currentPeriod).toEqual({ startMs: END, endMs: at('2027-01-01T00:00:00Z') });
    expect(advancePeriod(scheduled, END)).toEqual(renewed);
    expect(clearScheduledChange(scheduled, MID).scheduledChange).toBeUndefined();
  });

  it('an interval change at period end re-anchors the cycle at the old period end', () => {
    const yearlyPro = item(flatPrice('price_pro_y', 'prod_pro', 29000, yearly));
    const renewed = advancePeriod(scheduleChange(subscription(), [yearlyPro], MID), END);
    expect(renewed).toMatchObject({ anchorMs: END, currentPeriod: { startMs: END, endMs: at('2027-12-01T00:00:00Z') } });
  });

  it('refuses bad items and late or missing changes', () => {
    expect(() => scheduleChange(subscription(), [], MID)).toThrow(InvalidInputError);
    expect(() => scheduleChange(subscription(), [item(flatPrice('u', 'prod', 100, monthly, 'USD'))], MID)).toThrow(/currency/);
    expect(() => scheduleChange(subscription(), [item(seatPrice('s', 'prod', 100), 1.5)], MID)).toThrow(InvalidInputError);
    expect(() => scheduleChange(subscription(), [item(flatPrice('m', 'prod', 1), 1), item(flatPrice('y', 'prod', 1, yearly))], MID)).toThrow(/interval/);
    expect(() => scheduleChange(subscription(), [enterprise], END)).toThrow(InvalidTransitionError);
    expect(() => applyScheduledChange(subscription(), END)).toThrow(InvalidInputError);
    expect(() => applyScheduledChange(scheduleChange(subscription(), [enterprise], MID), MID)).toThrow(/not due/);
    expect(() => scheduleChange(subscription({ status: 'canceled' }), [enterprise], MID)).toThrow(InvalidTransitionError);
  });
});

describe('cancel, uncancel, pause, resume', () => {
  it('cancel at period end then uncancel restores the subscription but a newer version', () => {
    const sub = subscription();
    const back = uncancel(cancelAtPeriodEnd(sub, MID, { reason: 'cancellation_requested', comment: 'budget' }), MID + 1);
    expect({ ...back, version: sub.version }).toEqual(sub);
    expect(back.version).toBe(sub.version + 2);
  });

  it('cancelNow drops a scheduled change', () => {
    const scheduled = scheduleChange(subscription(), [item(flatPrice('price_ent', 'prod_ent', 9900))], MID);
    const canceled = cancelNow(scheduled, MID);
    expect(canceled.scheduledChange).toBeUndefined();
    expect(canceled).toMatchObject({ status: 'canceled', endedAtMs: MID });
  });

  it('pause and resume', () => {
    const paused = pause(subscription(), MID);
    expect(paused).toMatchObject({ status: 'paused', pauseCollection: {} });
    expect(resume(paused, END).currentPeriod).toEqual({ startMs: END, endMs: at('2027-01-01T00:00:00Z') });
  });
});

describe('trial end with a scheduled change', () => {
  it('applies the change when the trial ends and anchors at the trial end', () => {
    const trialEndMs = at('2026-11-15T00:00:00Z');
    const sub = subscription({ status: 'trialing', trialEndMs, currentPeriod: { startMs: at('2026-11-01T00:00:00Z'), endMs: trialEndMs } });
    const yearlyPro = item(flatPrice('price_pro_y', 'prod_pro', 29000, yearly));
    const scheduled = scheduleChange(sub, [yearlyPro], at('2026-11-02T00:00:00Z'));
    const next = transition(scheduled, 'trial_ended_with_payment_method', trialEndMs);
    expect(next.items).toEqual([yearlyPro]);
    expect(next.scheduledChange).toBeUndefined();
    expect(next).toMatchObject({ status: 'active', anchorMs: trialEndMs, currentPeriod: { startMs: trialEndMs, endMs: at('2027-11-15T00:00:00Z') } });
  });

  it('keeps a scheduled change that is not due yet across a renewal', () => {
    const sub = subscription({ scheduledChange: { items: [item(flatPrice('x', 'prod_x', 1))], effectiveAtMs: at('2027-06-01T00:00:00Z') } });
    expect(advancePeriod(sub, END).scheduledChange).toEqual(sub.scheduledChange);
    expect('scheduledChange' in advancePeriod(subscription(), END)).toBe(false);
  });

  it('refuses the same price twice', () => {
    const pro = flatPrice('price_pro', 'prod_pro', 2900);
    expect(() => scheduleChange(subscription(), [item(pro), item(pro)], MID)).toThrow(/only once/);
  });
});
