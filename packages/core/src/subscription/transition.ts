import { InvalidInputError } from '../errors/index.js';
import { assertInstant, periodAt } from '../time/index.js';
import { InvalidTransitionError } from './errors.js';
import { itemsInterval } from './items.js';
import { nextCycle } from './renewal.js';
import { defaultLifecyclePolicy, nextStatus, type LifecyclePolicy, type SubscriptionEvent } from './transitions.js';
import type { Cancellation, Subscription } from './types.js';

/** Data some events need, and the vendor's lifecycle policy. */
export interface TransitionOptions {
  /** Overrides of {@link defaultLifecyclePolicy}. */
  policy?: Partial<LifecyclePolicy>;
  /** `trial_started`: when the trial ends (after `atMs`). */
  trialEndMs?: number;
  /** `cancel_now`, `cancel_at_period_end`: why. Default `{ reason: 'cancellation_requested' }`. */
  cancellation?: Cancellation;
  /** `pause`: when the scheduler should resume it by itself (after `atMs`). */
  resumesAtMs?: number;
}

const requested: Cancellation = { reason: 'cancellation_requested' };

/**
 * Applies `event` at `atMs` and returns the new subscription (the input is not changed),
 * with `version` one higher. The status comes from the transition table; the other fields
 * follow the event's meaning (period bookkeeping, cancellation and pause details).
 *
 * @throws InvalidTransitionError when the table refuses the pair, or the event's precondition
 *   fails (`uncancel` after the period ended, `period_renewed` before it ended…).
 * @example transition(sub, 'payment_failed', atMs) // active → past_due
 */
export function transition(
  sub: Subscription,
  event: SubscriptionEvent,
  atMs: number,
  options: TransitionOptions = {},
): Subscription {
  assertInstant(atMs, 'atMs');
  const policy: LifecyclePolicy = { ...defaultLifecyclePolicy, ...options.policy };
  const to = nextStatus(sub.status, event, policy);
  if (to === undefined) throw new InvalidTransitionError(sub.status, event);
  const refuse = (reason: string) => new InvalidTransitionError(sub.status, event, reason);
  const base: Subscription = { ...sub, status: to, version: sub.version + 1 };
  const periodEndMs = sub.currentPeriod.endMs;

  switch (event) {
    case 'payment_succeeded':
    case 'payment_failed':
    case 'plan_changed':
      return base;
    case 'payment_window_expired':
      return { ...base, endedAtMs: atMs };
    case 'cancel_now':
      return ended(base, atMs, atMs, options.cancellation ?? requested);
    case 'retries_exhausted':
      return to === 'canceled' ? ended(base, atMs, atMs, { reason: 'payment_failed' }) : base;
    case 'cancel_at_period_end':
      if (atMs >= periodEndMs) throw refuse('the current period has already ended');
      return { ...base, cancelAtPeriodEnd: true, canceledAtMs: atMs, cancellation: options.cancellation ?? requested };
    case 'uncancel': {
      if (!sub.cancelAtPeriodEnd) throw refuse('it is not set to cancel at period end');
      if (atMs >= periodEndMs) throw refuse('the period has already ended');
      const { canceledAtMs: _c, cancellation: _r, ...rest } = base;
      return { ...rest, cancelAtPeriodEnd: false };
    }
    case 'period_ended_with_cancel_at_period_end':
      if (!sub.cancelAtPeriodEnd) throw refuse('it is not set to cancel at period end');
      if (atMs < periodEndMs) throw refuse('the current period has not ended');
      return ended(base, sub.canceledAtMs ?? atMs, periodEndMs, sub.cancellation ?? requested);
    case 'period_renewed':
      if (sub.cancelAtPeriodEnd) throw refuse('it is set to cancel at period end');
      if (atMs < periodEndMs) throw refuse('the current period has not ended');
      return renewed(base);
    case 'trial_started': {
      const trialEndMs = options.trialEndMs;
      if (trialEndMs === undefined || assertInstant(trialEndMs, 'trialEndMs') <= atMs) {
        throw new InvalidInputError('trialEndMs must be after atMs', 'trialEndMs');
      }
      return { ...base, trialEndMs, currentPeriod: { startMs: atMs, endMs: trialEndMs } };
    }
    case 'trial_ended_with_payment_method':
    case 'trial_ended_without_payment_method': {
      // A late scheduler must not shift the anchor; an early end ("end trial now") moves it forward.
      const trialEndMs = Math.min(atMs, sub.trialEndMs ?? atMs);
      if (to === 'canceled') return { ...ended(base, atMs, trialEndMs, { reason: 'missing_payment_method' }), trialEndMs };
      if (to === 'paused') return { ...base, trialEndMs, pauseCollection: {} };
      return { ...renewed(base, trialEndMs), trialEndMs };
    }
    case 'pause': {
      if (sub.cancelAtPeriodEnd) throw refuse('it is set to cancel at period end');
      const resumesAtMs = options.resumesAtMs;
      if (resumesAtMs === undefined) return { ...base, pauseCollection: {} };
      if (assertInstant(resumesAtMs, 'resumesAtMs') <= atMs) {
        throw new InvalidInputError('resumesAtMs must be after atMs', 'resumesAtMs');
      }
      return { ...base, pauseCollection: { resumesAtMs } };
    }
    case 'resume': {
      // Nothing was billed while paused, so billing restarts with a full period from now.
      const { pauseCollection: _p, ...rest } = base;
      const { startMs, endMs } = periodAt(atMs, itemsInterval(sub.items), 0, sub.timeZone);
      return { ...rest, anchorMs: atMs, currentPeriod: { startMs, endMs } };
    }
  }
}

function ended(sub: Subscription, canceledAtMs: number, endedAtMs: number, cancellation: Cancellation): Subscription {
  const { scheduledChange: _s, pauseCollection: _p, ...rest } = sub;
  return { ...rest, cancelAtPeriodEnd: false, canceledAtMs, endedAtMs, cancellation };
}

/** The subscription moved into its next cycle: a due scheduled change applied, the next period current. */
function renewed(sub: Subscription, trialEndMs?: number): Subscription {
  const { items, appliesScheduledChange, anchorMs, period } = nextCycle(sub, trialEndMs);
  const { scheduledChange: _s, ...rest } = sub;
  const keep = appliesScheduledChange || !sub.scheduledChange ? {} : { scheduledChange: sub.scheduledChange };
  return { ...rest, ...keep, items, anchorMs, currentPeriod: period };
}
