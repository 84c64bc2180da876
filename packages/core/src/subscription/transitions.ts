import type { SubscriptionStatus } from './types.js';

/**
 * Everything that can happen to a subscription. Payment and trial events come from the
 * payment flow and the scheduler; the rest are requests (customer, vendor or dunning).
 */
export const subscriptionEvents = [
  'payment_succeeded',
  'payment_failed',
  'payment_window_expired',
  'trial_started',
  'trial_ended_with_payment_method',
  'trial_ended_without_payment_method',
  'retries_exhausted',
  'pause',
  'resume',
  'cancel_now',
  'cancel_at_period_end',
  'uncancel',
  'period_ended_with_cancel_at_period_end',
  'period_renewed',
  'plan_changed',
] as const;

export type SubscriptionEvent = (typeof subscriptionEvents)[number];

/** After the last dunning retry fails: cancel (Stripe's default), mark unpaid, or leave past due. */
export type RetriesExhaustedPolicy = 'canceled' | 'unpaid' | 'past_due';

/** A trial ending with no payment method: cancel, pause, or invoice anyway (which cannot be paid, so past due). */
export type TrialEndWithoutPaymentMethodPolicy = 'cancel' | 'pause' | 'create_invoice';

/** The vendor's choices where Stripe Billing lets the vendor choose. */
export interface LifecyclePolicy {
  retriesExhausted: RetriesExhaustedPolicy;
  trialEndWithoutPaymentMethod: TrialEndWithoutPaymentMethodPolicy;
}

/** Stripe's defaults: cancel after failed retries, and cancel a trial that ends without a payment method. */
export const defaultLifecyclePolicy: Readonly<LifecyclePolicy> = {
  retriesExhausted: 'canceled',
  trialEndWithoutPaymentMethod: 'cancel',
};

/** Where an event leads: one status, or a status chosen by one of the {@link LifecyclePolicy} settings. */
export type TransitionTarget =
  | SubscriptionStatus
  | { readonly policy: 'retriesExhausted'; readonly to: Readonly<Record<RetriesExhaustedPolicy, SubscriptionStatus>> }
  | {
      readonly policy: 'trialEndWithoutPaymentMethod';
      readonly to: Readonly<Record<TrialEndWithoutPaymentMethodPolicy, SubscriptionStatus>>;
    };

export type TransitionTable = Readonly<
  Record<SubscriptionStatus, Readonly<Partial<Record<SubscriptionEvent, TransitionTarget>>>>
>;

// Events that keep a live subscription in its status but change something else on it.
const bookkeeping = <S extends SubscriptionStatus>(status: S) =>
  ({ cancel_at_period_end: status, uncancel: status, plan_changed: status }) as const;

/**
 * The whole lifecycle as data: `from → event → to`. A pair not listed is refused with
 * `InvalidTransitionError`. `incomplete_expired` and `canceled` are terminal.
 */
export const subscriptionTransitions: TransitionTable = {
  incomplete: {
    payment_succeeded: 'active',
    // A retry of the first payment failed; the window is still open.
    payment_failed: 'incomplete',
    payment_window_expired: 'incomplete_expired',
    // Granting a trial instead of waiting for the first payment.
    trial_started: 'trialing',
    cancel_now: 'canceled',
  },
  incomplete_expired: {},
  trialing: {
    trial_ended_with_payment_method: 'active',
    trial_ended_without_payment_method: {
      policy: 'trialEndWithoutPaymentMethod',
      to: { cancel: 'canceled', pause: 'paused', create_invoice: 'past_due' },
    },
    cancel_now: 'canceled',
    // Cancel at period end during a trial ends it at the trial's end, unbilled.
    period_ended_with_cancel_at_period_end: 'canceled',
    ...bookkeeping('trialing'),
  },
  active: {
    // A renewal invoice was paid.
    payment_succeeded: 'active',
    payment_failed: 'past_due',
    trial_started: 'trialing',
    pause: 'paused',
    cancel_now: 'canceled',
    period_ended_with_cancel_at_period_end: 'canceled',
    period_renewed: 'active',
    ...bookkeeping('active'),
  },
  past_due: {
    payment_succeeded: 'active',
    // Another dunning retry failed.
    payment_failed: 'past_due',
    retries_exhausted: {
      policy: 'retriesExhausted',
      to: { canceled: 'canceled', unpaid: 'unpaid', past_due: 'past_due' },
    },
    cancel_now: 'canceled',
    period_ended_with_cancel_at_period_end: 'canceled',
    // Renewals keep being invoiced while dunning runs.
    period_renewed: 'past_due',
    ...bookkeeping('past_due'),
  },
  unpaid: {
    // The customer paid the open invoice by hand.
    payment_succeeded: 'active',
    payment_failed: 'unpaid',
    cancel_now: 'canceled',
    period_ended_with_cancel_at_period_end: 'canceled',
    period_renewed: 'unpaid',
    cancel_at_period_end: 'unpaid',
    uncancel: 'unpaid',
  },
  paused: {
    resume: 'active',
    cancel_now: 'canceled',
  },
  canceled: {},
};

/** The status `event` leads to from `from` under `policy`, or `undefined` when the table does not allow it. */
export function nextStatus(
  from: SubscriptionStatus,
  event: SubscriptionEvent,
  policy: Readonly<LifecyclePolicy> = defaultLifecyclePolicy,
  table: TransitionTable = subscriptionTransitions,
): SubscriptionStatus | undefined {
  const target = table[from][event];
  if (target === undefined || typeof target === 'string') return target;
  if (target.policy === 'retriesExhausted') return target.to[policy.retriesExhausted];
  return target.to[policy.trialEndWithoutPaymentMethod];
}

/** The events a subscription in `status` accepts, e.g. to decide which portal buttons to show. */
export function allowedEvents(status: SubscriptionStatus, table: TransitionTable = subscriptionTransitions): SubscriptionEvent[] {
  return subscriptionEvents.filter((event) => table[status][event] !== undefined);
}
