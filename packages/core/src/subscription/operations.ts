import { InvalidInputError } from '../errors/index.js';
import { assertInstant } from '../time/index.js';
import { InvalidTransitionError } from './errors.js';
import { assertItems, itemsCurrency } from './items.js';
import { transition } from './transition.js';
import type { Cancellation, Subscription, SubscriptionItem } from './types.js';

/** Ends the subscription at `atMs`. Unused time is not credited here: that is a proration decision for the caller. */
export function cancelNow(sub: Subscription, atMs: number, cancellation?: Cancellation): Subscription {
  return transition(sub, 'cancel_now', atMs, cancellation ? { cancellation } : {});
}

/** Keeps it running until the current period ends, then it cancels instead of renewing. */
export function cancelAtPeriodEnd(sub: Subscription, atMs: number, cancellation?: Cancellation): Subscription {
  return transition(sub, 'cancel_at_period_end', atMs, cancellation ? { cancellation } : {});
}

/** Withdraws a cancel-at-period-end, only while the period it would end has not ended. */
export function uncancel(sub: Subscription, atMs: number): Subscription {
  return transition(sub, 'uncancel', atMs);
}

/** Stops invoicing from `atMs`; with `resumesAtMs` the scheduler resumes it by itself. */
export function pause(sub: Subscription, atMs: number, resumesAtMs?: number): Subscription {
  return transition(sub, 'pause', atMs, resumesAtMs === undefined ? {} : { resumesAtMs });
}

/** Resumes a paused subscription with a new billing cycle anchored at `atMs`. */
export function resume(sub: Subscription, atMs: number): Subscription {
  return transition(sub, 'resume', atMs);
}

/**
 * Renews at (or after) the end of the current period: the next period of the anchor's
 * sequence, with a due scheduled change applied. One period per call, so a late scheduler
 * catching up invoices each missed period once.
 */
export function advancePeriod(sub: Subscription, atMs: number): Subscription {
  return transition(sub, 'period_renewed', atMs);
}

/** Replaces the items at the end of the current period (a downgrade or seat decrease, typically). */
export function scheduleChange(sub: Subscription, items: readonly SubscriptionItem[], atMs: number): Subscription {
  assertInstant(atMs, 'atMs');
  assertItems(items);
  if (itemsCurrency(items) !== itemsCurrency(sub.items)) {
    throw new InvalidInputError('A change cannot switch the currency', 'items');
  }
  if (atMs >= sub.currentPeriod.endMs) {
    throw new InvalidTransitionError(sub.status, 'plan_changed', 'the current period has already ended');
  }
  const next = transition(sub, 'plan_changed', atMs);
  return { ...next, scheduledChange: { items, effectiveAtMs: sub.currentPeriod.endMs } };
}

/** Drops a pending scheduled change; the current items renew as they are. */
export function clearScheduledChange(sub: Subscription, atMs: number): Subscription {
  const { scheduledChange: _s, ...rest } = transition(sub, 'plan_changed', atMs);
  return rest;
}

/**
 * Applies the pending scheduled change at its effective instant (the period end): the items
 * are swapped and the next period starts, as {@link advancePeriod} does.
 *
 * @throws InvalidInputError when there is no scheduled change, or it is not due at `atMs`.
 */
export function applyScheduledChange(sub: Subscription, atMs: number): Subscription {
  const change = sub.scheduledChange;
  if (!change) throw new InvalidInputError('There is no scheduled change', 'scheduledChange');
  if (atMs < change.effectiveAtMs) throw new InvalidInputError('The scheduled change is not due yet', 'atMs');
  return advancePeriod(sub, atMs);
}
