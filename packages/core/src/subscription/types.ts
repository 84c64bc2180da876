import type { Discount, Price } from '../catalog/index.js';
import type { Period } from '../time/index.js';

/**
 * Where a subscription stands, with Stripe Billing's meaning:
 * - `incomplete`: the first invoice awaits payment (a window, typically 23 h).
 * - `incomplete_expired`: that window passed unpaid; terminal, nothing was ever billed.
 * - `trialing`: in a free trial; `currentPeriod` is the trial.
 * - `active`: in good standing.
 * - `past_due`: the latest renewal failed and is being retried (dunning).
 * - `unpaid`: retries are exhausted; invoices are still drafted but not attempted.
 * - `paused`: no invoices are created until it resumes.
 * - `canceled`: terminal.
 */
export const subscriptionStatuses = [
  'incomplete',
  'incomplete_expired',
  'trialing',
  'active',
  'past_due',
  'unpaid',
  'paused',
  'canceled',
] as const;

export type SubscriptionStatus = (typeof subscriptionStatuses)[number];

/** One price on a subscription with its quantity (seats, or 1). The price is embedded so the engine needs no lookups. */
export interface SubscriptionItem {
  readonly priceId: string;
  readonly quantity: number;
  readonly price: Price;
}

/** Why a subscription was canceled (Stripe's `cancellation_details.reason`, plus the trial case). */
export type CancellationReason =
  | 'cancellation_requested'
  | 'payment_failed'
  | 'payment_disputed'
  | 'missing_payment_method';

/** What the customer said when leaving (Stripe's feedback choices). */
export type CancellationFeedback =
  | 'customer_service'
  | 'low_quality'
  | 'missing_features'
  | 'other'
  | 'switched_service'
  | 'too_complex'
  | 'too_expensive'
  | 'unused';

export interface Cancellation {
  readonly reason: CancellationReason;
  readonly feedback?: CancellationFeedback;
  readonly comment?: string;
}

/** Present while `status` is `paused`. `resumesAtMs` is when the scheduler resumes it by itself. */
export interface PauseCollection {
  readonly resumesAtMs?: number;
}

/** A change of items decided now and applied at `effectiveAtMs` (the end of the current period). */
export interface ScheduledChange {
  readonly items: readonly SubscriptionItem[];
  readonly effectiveAtMs: number;
}

/**
 * A subscription as a plain immutable value. Every operation returns a new value with
 * `version` one higher, so the server can write it with `WHERE version = old` (optimistic
 * concurrency) and a lost race is a conflict, never a silent overwrite.
 */
export interface Subscription {
  readonly id: string;
  readonly customerId: string;
  readonly status: SubscriptionStatus;
  readonly items: readonly SubscriptionItem[];
  /** Billing cycle anchor: periods are `anchor + n × interval`, always computed from it, so they never drift. */
  readonly anchorMs: number;
  /** IANA zone the calendar math runs in (a monthly period keeps its wall-clock time across DST). */
  readonly timeZone: string;
  readonly currentPeriod: Period;
  readonly trialEndMs?: number;
  readonly cancelAtPeriodEnd: boolean;
  /** When the cancellation was requested (immediately or at period end). */
  readonly canceledAtMs?: number;
  /** When the subscription stopped for good (canceled or expired). */
  readonly endedAtMs?: number;
  readonly cancellation?: Cancellation;
  readonly pauseCollection?: PauseCollection;
  readonly scheduledChange?: ScheduledChange;
  readonly discounts: readonly Discount[];
  readonly version: number;
}
