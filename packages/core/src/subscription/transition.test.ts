import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoreError, InvalidInputError } from '../errors/index.js';
import { InvalidTransitionError } from './errors.js';
import { at, subscription } from './test-fixtures.js';
import { transition, type TransitionOptions } from './transition.js';
import {
  allowedEvents,
  nextStatus,
  subscriptionEvents,
  subscriptionTransitions,
  type LifecyclePolicy,
  type SubscriptionEvent,
} from './transitions.js';
import { subscriptionStatuses, type Subscription, type SubscriptionStatus } from './types.js';

const START = at('2026-11-01T00:00:00Z');
const MID = at('2026-11-15T00:00:00Z');
const END = at('2026-12-01T00:00:00Z');

/** Every allowed transition, written out by hand so a change to the table must change this list too. */
const allowed: [SubscriptionStatus, SubscriptionEvent, SubscriptionStatus, Partial<LifecyclePolicy>?][] = [
  ['incomplete', 'payment_succeeded', 'active'],
  ['incomplete', 'payment_failed', 'incomplete'],
  ['incomplete', 'payment_window_expired', 'incomplete_expired'],
  ['incomplete', 'trial_started', 'trialing'],
  ['incomplete', 'cancel_now', 'canceled'],
  ['trialing', 'trial_ended_with_payment_method', 'active'],
  ['trialing', 'trial_ended_without_payment_method', 'canceled', { trialEndWithoutPaymentMethod: 'cancel' }],
  ['trialing', 'trial_ended_without_payment_method', 'paused', { trialEndWithoutPaymentMethod: 'pause' }],
  ['trialing', 'trial_ended_without_payment_method', 'past_due', { trialEndWithoutPaymentMethod: 'create_invoice' }],
  ['trialing', 'cancel_now', 'canceled'],
  ['trialing', 'period_ended_with_cancel_at_period_end', 'canceled'],
  ['trialing', 'cancel_at_period_end', 'trialing'],
  ['trialing', 'uncancel', 'trialing'],
  ['trialing', 'plan_changed', 'trialing'],
  ['active', 'payment_succeeded', 'active'],
  ['active', 'payment_failed', 'past_due'],
  ['active', 'trial_started', 'trialing'],
  ['active', 'pause', 'paused'],
  ['active', 'cancel_now', 'canceled'],
  ['active', 'period_ended_with_cancel_at_period_end', 'canceled'],
  ['active', 'period_renewed', 'active'],
  ['active', 'cancel_at_period_end', 'active'],
  ['active', 'uncancel', 'active'],
  ['active', 'plan_changed', 'active'],
  ['past_due', 'payment_succeeded', 'active'],
  ['past_due', 'payment_failed', 'past_due'],
  ['past_due', 'retries_exhausted', 'canceled', { retriesExhausted: 'canceled' }],
  ['past_due', 'retries_exhausted', 'unpaid', { retriesExhausted: 'unpaid' }],
  ['past_due', 'retries_exhausted', 'past_due', { retriesExhausted: 'past_due' }],
  ['past_due', 'cancel_now', 'canceled'],
  ['past_due', 'period_ended_with_cancel_at_period_end', 'canceled'],
  ['past_due', 'period_renewed', 'past_due'],
  ['past_due', 'cancel_at_period_end', 'past_due'],
  ['past_due', 'uncancel', 'past_due'],
  ['past_due', 'plan_changed', 'past_due'],
  ['unpaid', 'payment_succeeded', 'active'],
  ['unpaid', 'payment_failed', 'unpaid'],
  ['unpaid', 'cancel_now', 'canceled'],
  ['unpaid', 'period_ended_with_cancel_at_period_end', 'canceled'],
  ['unpaid', 'period_renewed', 'unpaid'],
  ['unpaid', 'cancel_at_period_end', 'unpaid'],
  ['unpaid', 'uncancel', 'unpaid'],
  ['paused', 'resume', 'active'],
  ['paused', 'cancel_now', 'canceled'],
];

/** A subscription in `status` and an instant at which `event`'s precondition holds. */
function setup(status: SubscriptionStatus, event: SubscriptionEvent): { sub: Subscription; atMs: number; options: TransitionOptions } {
  const needsCancelFlag = event === 'uncancel' || event === 'period_ended_with_cancel_at_period_end';
  const afterEnd = event === 'period_renewed' || event === 'period_ended_with_cancel_at_period_end';
  const sub = subscription({
    status,
    cancelAtPeriodEnd: needsCancelFlag,
    ...(needsCancelFlag ? { canceledAtMs: START, cancellation: { reason: 'cancellation_requested' as const } } : {}),
    ...(status === 'trialing' ? { trialEndMs: END } : {}),
    ...(status === 'paused' ? { pauseCollection: {} } : {}),
  });
  return { sub, atMs: afterEnd ? END : MID, options: event === 'trial_started' ? { trialEndMs: at('2026-11-29T00:00:00Z') } : {} };
}

describe('subscription transition table', () => {
  it('lists exactly the transitions written out here', () => {
    const fromTable = subscriptionStatuses.flatMap((s) => allowedEvents(s).map((e) => `${s} ${e}`));
    const fromList = [...new Set(allowed.map(([s, e]) => `${s} ${e}`))];
    expect(fromTable.sort()).toEqual(fromList.sort());
  });

  it.each(allowed)('%s --%s--> %s', (from, event, to, policy) => {
    const { sub, atMs, options } = setup(from, event);
    const next = transition(sub, event, atMs, { ...options, ...(policy ? { policy } : {}) });
    expect(next.status).toBe(to);
    expect(next.version).toBe(sub.version + 1);
    expect(nextStatus(from, event, { retriesExhausted: 'canceled', trialEndWithoutPaymentMethod: 'cancel', ...policy })).toBe(to);
  });

  const refused = subscriptionStatuses.flatMap((status) =>
    subscriptionEvents.filter((event) => subscriptionTransitions[status][event] === undefined).map((event) => [status, event] as const),
  );

  it('refuses every other pair (8 statuses × 15 events − 40 allowed pairs = 80)', () => {
    // 120 pairs in all; 40 distinct allowed pairs (44 rows above, 4 of them extra policy variants).
    expect(refused).toHaveLength(8 * 15 - 40);
  });

  it.each(refused)('%s refuses %s', (status, event) => {
    const { sub, atMs, options } = setup(status, event);
    let error: unknown;
    try {
      transition(sub, event, atMs, options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect(error).toBeInstanceOf(CoreError);
    expect((error as InvalidTransitionError).code).toBe('invalid_transition');
    expect((error as InvalidTransitionError).from).toBe(status);
    expect((error as InvalidTransitionError).event).toBe(event);
  });

  it('terminal statuses accept nothing', () => {
    expect(allowedEvents('canceled')).toEqual([]);
    expect(allowedEvents('incomplete_expired')).toEqual([]);
  });

  it('never changes its input (property over every allowed pair)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allowed), ([from, event, , policy]) => {
        const { sub, atMs, options } = setup(from, event);
        const frozen = structuredClone(sub);
        const next = transition(sub, event, atMs, { ...options, ...(policy ? { policy } : {}) });
        expect(sub).toEqual(frozen);
        expect(next).not.toBe(sub);
        expect(next.version).toBe(sub.version + 1);
      }),
    );
  });
});

describe('transition effects', () => {
  it('cancel_now ends at once and records why', () => {
    const next = transition(subscription(), 'cancel_now', MID, { cancellation: { reason: 'cancellation_requested', feedback: 'too_expensive' } });
    expect(next).toMatchObject({ status: 'canceled', canceledAtMs: MID, endedAtMs: MID, cancelAtPeriodEnd: false });
    expect(next.cancellation).toEqual({ reason: 'cancellation_requested', feedback: 'too_expensive' });
  });

  it('retries_exhausted → canceled records a payment failure; → unpaid keeps it open', () => {
    const sub = subscription({ status: 'past_due' });
    expect(transition(sub, 'retries_exhausted', MID).cancellation).toEqual({ reason: 'payment_failed' });
    const unpaid = transition(sub, 'retries_exhausted', MID, { policy: { retriesExhausted: 'unpaid' } });
    expect(unpaid.endedAtMs).toBeUndefined();
  });

  it('cancel at period end, then the period ends: ended at the period end, not when the job ran', () => {
    const flagged = transition(subscription(), 'cancel_at_period_end', MID);
    expect(flagged).toMatchObject({ status: 'active', cancelAtPeriodEnd: true, canceledAtMs: MID });
    const late = END + 3_600_000; // the job ran an hour late
    const ended = transition(flagged, 'period_ended_with_cancel_at_period_end', late);
    expect(ended).toMatchObject({ status: 'canceled', canceledAtMs: MID, endedAtMs: END, cancelAtPeriodEnd: false });
  });

  it('uncancel works before the period end and is refused after it', () => {
    const flagged = transition(subscription(), 'cancel_at_period_end', MID);
    const back = transition(flagged, 'uncancel', END - 1);
    expect(back.cancelAtPeriodEnd).toBe(false);
    expect(back.canceledAtMs).toBeUndefined();
    expect(back.cancellation).toBeUndefined();
    expect(() => transition(flagged, 'uncancel', END)).toThrow(InvalidTransitionError);
    expect(() => transition(subscription(), 'uncancel', MID)).toThrow(/not set to cancel/);
  });

  it('period_renewed is refused before the end and when set to cancel', () => {
    expect(() => transition(subscription(), 'period_renewed', END - 1)).toThrow(InvalidTransitionError);
    const flagged = transition(subscription(), 'cancel_at_period_end', MID);
    expect(() => transition(flagged, 'period_renewed', END)).toThrow(/cancel at period end/);
  });

  it('a trial ending with a payment method anchors billing at the trial end, even when the job runs late', () => {
    const trialEnd = at('2026-11-15T09:30:00Z');
    const sub = subscription({ status: 'trialing', trialEndMs: trialEnd, currentPeriod: { startMs: START, endMs: trialEnd } });
    const next = transition(sub, 'trial_ended_with_payment_method', trialEnd + 60_000);
    expect(next.anchorMs).toBe(trialEnd);
    // 2026-11-15 09:30 + 1 month = 2026-12-15 09:30
    expect(next.currentPeriod).toEqual({ startMs: trialEnd, endMs: at('2026-12-15T09:30:00Z') });
  });

  it('ending a trial early moves the trial end and the anchor to now', () => {
    const sub = subscription({ status: 'trialing', trialEndMs: END, currentPeriod: { startMs: START, endMs: END } });
    const next = transition(sub, 'trial_ended_with_payment_method', MID);
    expect(next).toMatchObject({ trialEndMs: MID, anchorMs: MID, currentPeriod: { startMs: MID, endMs: at('2026-12-15T00:00:00Z') } });
  });

  it('a trial ending without a payment method follows the policy', () => {
    const sub = subscription({ status: 'trialing', trialEndMs: MID, currentPeriod: { startMs: START, endMs: MID } });
    const canceled = transition(sub, 'trial_ended_without_payment_method', MID);
    expect(canceled).toMatchObject({ status: 'canceled', endedAtMs: MID, cancellation: { reason: 'missing_payment_method' } });
    const paused = transition(sub, 'trial_ended_without_payment_method', MID, { policy: { trialEndWithoutPaymentMethod: 'pause' } });
    expect(paused).toMatchObject({ status: 'paused', pauseCollection: {} });
  });

  it('trial_started makes the trial the current period and needs a later end', () => {
    const next = transition(subscription(), 'trial_started', MID, { trialEndMs: END });
    expect(next).toMatchObject({ status: 'trialing', trialEndMs: END, currentPeriod: { startMs: MID, endMs: END } });
    expect(() => transition(subscription(), 'trial_started', MID)).toThrow(InvalidInputError);
    expect(() => transition(subscription(), 'trial_started', MID, { trialEndMs: MID })).toThrow(InvalidInputError);
  });

  it('pause records when it resumes; resume starts a fresh cycle at the resume instant', () => {
    const resumesAtMs = at('2027-01-10T00:00:00Z');
    const paused = transition(subscription(), 'pause', MID, { resumesAtMs });
    expect(paused.pauseCollection).toEqual({ resumesAtMs });
    const resumed = transition(paused, 'resume', resumesAtMs);
    expect(resumed.pauseCollection).toBeUndefined();
    // 2027-01-10 + 1 month = 2027-02-10
    expect(resumed).toMatchObject({ status: 'active', anchorMs: resumesAtMs, currentPeriod: { startMs: resumesAtMs, endMs: at('2027-02-10T00:00:00Z') } });
    expect(() => transition(subscription(), 'pause', MID, { resumesAtMs: MID })).toThrow(InvalidInputError);
    const flagged = transition(subscription(), 'cancel_at_period_end', MID);
    expect(() => transition(flagged, 'pause', MID)).toThrow(InvalidTransitionError);
  });

  it('rejects a non-integer instant', () => {
    expect(() => transition(subscription(), 'payment_failed', 1.5)).toThrow(InvalidInputError);
  });
});
