/**
 * The lifecycle's wire contract: plan changes (and their previews), cancellation, pause and
 * resume, retention offers, and metered usage. The same bodies serve the secret-key API
 * (`/v1/subscriptions/:id…`) and the customer's portal (`/v1/portal/subscriptions/:id…`).
 */
import * as z from 'zod/mini';
import { Id, Timestamp } from './common/schemas.js';
import type { InvoiceLineWire, TaxAmountWire } from './billing/checkout.js';
import type { SubscriptionWire } from './billing/resources.js';

const Quantity = z.int().check(z.gte(1), z.lte(10_000));

export const prorationBehaviors = ['create_prorations', 'always_invoice', 'none'] as const;
export const ProrationBehaviorParam = z.enum(prorationBehaviors);

/** The items a subscription should have after the change (every item, as in Stripe's `items`). */
export const SubscriptionItemsParam = z
  .array(z.strictObject({ price: Id, quantity: z.optional(Quantity) }))
  .check(z.minLength(1), z.maxLength(20));

/**
 * `POST /v1/subscriptions/:id` (secret key) and `POST /v1/portal/subscriptions/:id/change`.
 * `expected_version` makes the change conditional: a subscription changed in between is a 409.
 */
export const SubscriptionChangeParams = z.strictObject({
  items: SubscriptionItemsParam,
  proration_behavior: z.optional(ProrationBehaviorParam),
  expected_version: z.optional(z.int().check(z.gte(1))),
  /** A method of the customer to pay an upgrade invoiced now; default: the subscription's, then the customer's. */
  payment_method: z.optional(Id),
});
export type SubscriptionChangeParams = z.infer<typeof SubscriptionChangeParams>;

/** `POST /v1/subscriptions/:id/preview_change` and its portal twin. */
export const SubscriptionPreviewChangeParams = z.strictObject({
  items: SubscriptionItemsParam,
  proration_behavior: z.optional(ProrationBehaviorParam),
});
export type SubscriptionPreviewChangeParams = z.infer<typeof SubscriptionPreviewChangeParams>;

/** `POST …/complete_change`: the 3-D Secure challenge of a payment-first upgrade finished. */
export const SubscriptionCompleteChangeParams = z.strictObject({
  action_id: z.string().check(z.minLength(1), z.maxLength(255)),
  /** Sandbox only: how the challenge ended (default `complete`). */
  outcome: z.optional(z.enum(['complete', 'fail'])),
});
export type SubscriptionCompleteChangeParams = z.infer<typeof SubscriptionCompleteChangeParams>;

export const cancellationFeedbacks = [
  'customer_service',
  'low_quality',
  'missing_features',
  'other',
  'switched_service',
  'too_complex',
  'too_expensive',
  'unused',
] as const;

/** `POST /v1/subscriptions/:id/cancel` and `POST /v1/portal/subscriptions/:id/cancel`. */
export const SubscriptionCancelParams = z.strictObject({
  /** Default true: the customer keeps what was paid for until the period ends. */
  at_period_end: z.optional(z.boolean()),
  feedback: z.optional(z.enum(cancellationFeedbacks)),
  comment: z.optional(z.string().check(z.maxLength(5000))),
  /** Secret key only: credit the unused time to the customer's balance on an immediate cancel. */
  prorate: z.optional(z.boolean()),
});
export type SubscriptionCancelParams = z.infer<typeof SubscriptionCancelParams>;

/** `POST …/pause`: stops invoicing; `resumes_at` lets the scheduler resume it by itself. */
export const SubscriptionPauseParams = z.strictObject({
  resumes_at: z.optional(Timestamp),
});
export type SubscriptionPauseParams = z.infer<typeof SubscriptionPauseParams>;

/** `POST …/uncancel`, `POST …/resume`, `POST …/accept_offer`: no parameters. */
export const EmptyParams = z.strictObject({});

/** What a change did: `requires_action` waits for 3-D Secure (`action`); `scheduled` waits for the period end. */
export interface SubscriptionChangeResult {
  object: 'subscription_change';
  status: 'applied' | 'scheduled' | 'requires_action' | 'payment_failed';
  kind: string;
  effective: 'now' | 'period_end';
  effective_at: string;
  subscription: SubscriptionWire;
  /** The proration invoice made now (paid, or voided when the payment failed), if any. */
  invoice: string | null;
  action: { id: string; client_secret: string; type: 'three_d_secure' } | null;
  /** Set when the payment failed: why, as the customer may read it. */
  failure: { decline_code: string; message: string } | null;
}

/** The exact lines a change creates, and what the next invoice will hold. */
export interface SubscriptionChangePreview {
  object: 'subscription_change_preview';
  kind: string;
  effective: 'now' | 'period_end';
  effective_at: string;
  invoice_now: boolean;
  lines: InvoiceLineWire[];
  total_now: number;
  amount_due_now: number;
  /** The invoice made now, with discounts and tax, when the change invoices now. */
  invoice: {
    currency: string;
    lines: InvoiceLineWire[];
    subtotal: number;
    total_discount: number;
    tax: number;
    total: number;
    amount_due: number;
    tax_breakdown: TaxAmountWire[];
  } | null;
  next_invoice_lines: InvoiceLineWire[];
}

/** One metered usage event. Either `subscription`, or `customer` with `price`. */
export const UsageEventParams = z.strictObject({
  event_id: z.string().check(z.minLength(1), z.maxLength(255)),
  subscription: z.optional(Id),
  customer: z.optional(Id),
  /** The metered price; optional when the subscription has exactly one. */
  price: z.optional(Id),
  quantity: z.optional(z.int().check(z.gte(0), z.lte(1_000_000_000))),
  /** What `count_unique` counts. */
  value: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
  timestamp: z.optional(Timestamp),
});
export type UsageEventParams = z.infer<typeof UsageEventParams>;

/** `POST /v1/usage_events`: one event, or `{ events: [...] }` (up to 1,000, all or nothing). */
export const UsageEventsParams = z.union([
  z.strictObject({ events: z.array(z.unknown()).check(z.minLength(1), z.maxLength(1000)) }),
  UsageEventParams,
]);
export type UsageEventsParams = z.infer<typeof UsageEventsParams>;

export interface UsageEventsResult {
  object: 'usage_event_batch';
  /** Events stored by this call. */
  created: number;
  /** `event_id`s seen before: reported, not counted again. */
  duplicates: string[];
}

/** `GET /v1/subscriptions/:id/usage`: the current period's usage per metered price. */
export interface SubscriptionUsage {
  object: 'subscription_usage';
  subscription: string;
  period: { start: string; end: string };
  currency: string;
  data: {
    price: string;
    aggregation: string;
    quantity: number;
    /** Units the price's free first tier covers (0 when none). */
    included: number;
    /** What the usage so far costs, minor units, before discounts and tax. */
    amount: number;
    threshold: number | null;
  }[];
}
