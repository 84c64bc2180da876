import * as z from 'zod/mini';
import { Id, Metadata } from '../common/schemas.js';
import { ListParams } from '../list/list.js';
import { InvoiceLineWire, TaxAmountWire, TestCardParams } from './checkout.js';

const Quantity = z.int().check(z.gte(1), z.lte(10_000));
const Code = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'may contain letters, digits, _ and - (1 to 64 characters)'));

/** `POST /v1/subscriptions` (secret key): charged off-session with the default payment method. */
export const SubscriptionCreateParams = z.strictObject({
  customer: Id,
  items: z.array(z.strictObject({ price: Id, quantity: z.optional(Quantity) })).check(z.minLength(1), z.maxLength(20)),
  default_payment_method: z.optional(Id),
  trial_period_days: z.optional(z.int().check(z.gte(0), z.lte(730))),
  promotion_code: z.optional(Code),
  coupon: z.optional(Id),
  metadata: z.optional(Metadata),
});
export type SubscriptionCreateParams = z.infer<typeof SubscriptionCreateParams>;

export const subscriptionStatusValues = ['incomplete', 'incomplete_expired', 'trialing', 'active', 'past_due', 'unpaid', 'paused', 'canceled'] as const;

export const SubscriptionListParams = z.extend(ListParams, {
  customer: z.optional(Id),
  status: z.optional(z.enum(subscriptionStatusValues)),
});
export type SubscriptionListParams = z.infer<typeof SubscriptionListParams>;

export const InvoiceListParams = z.extend(ListParams, {
  customer: z.optional(Id),
  subscription: z.optional(Id),
  status: z.optional(z.enum(['draft', 'open', 'paid', 'void', 'uncollectible'])),
});
export type InvoiceListParams = z.infer<typeof InvoiceListParams>;

/** `POST /v1/customers/:id/payment_methods`: a gateway token, or a test card in test mode. */
export const PaymentMethodAttachParams = z.union([
  z.strictObject({ token: z.string().check(z.regex(/^tok_[A-Za-z0-9_]{1,100}$/, 'must be a token like "tok_…"')), set_default: z.optional(z.boolean()) }),
  z.strictObject({ card: TestCardParams, set_default: z.optional(z.boolean()) }),
]);
export type PaymentMethodAttachParams = z.infer<typeof PaymentMethodAttachParams>;

/** `POST /v1/payment_methods/tokenize` (publishable key, test mode only). */
export const TokenizeParams = z.union([
  z.strictObject({ card: TestCardParams }),
  z.strictObject({ sepa_debit: z.strictObject({ iban: z.string().check(z.minLength(1), z.maxLength(64)) }) }),
]);
export type TokenizeParams = z.infer<typeof TokenizeParams>;

export const PaymentMethodListParams = ListParams;

const IsoTime = z.string();
const Money = z.int();

export const PaymentMethodWire = z.strictObject({
  id: z.string(),
  object: z.literal('payment_method'),
  type: z.enum(['card', 'apple_pay', 'google_pay', 'sepa_debit', 'bank_transfer']),
  customer: z.string(),
  card: z.nullable(z.strictObject({ brand: z.nullable(z.string()), last4: z.nullable(z.string()), exp_month: z.nullable(z.int()), exp_year: z.nullable(z.int()) })),
  off_session_ready: z.boolean(),
  default: z.boolean(),
  livemode: z.boolean(),
  created: IsoTime,
});
export type PaymentMethodWire = z.infer<typeof PaymentMethodWire>;

export const TokenWire = z.strictObject({
  id: z.string(),
  object: z.literal('token'),
  type: z.enum(['card', 'sepa_debit']),
  card: z.nullable(z.strictObject({ brand: z.string(), last4: z.string(), exp_month: z.int(), exp_year: z.int(), funding: z.string() })),
  sepa_debit: z.nullable(z.strictObject({ country: z.string(), bank_code: z.string(), last4: z.string() })),
});
export type TokenWire = z.infer<typeof TokenWire>;

const Discount = z.strictObject({ coupon: z.string(), start: IsoTime });

export const SubscriptionWire = z.strictObject({
  id: z.string(),
  object: z.literal('subscription'),
  customer: z.string(),
  status: z.enum(subscriptionStatusValues),
  currency: z.string(),
  items: z.strictObject({
    object: z.literal('list'),
    data: z.array(
      z.strictObject({
        price: z.strictObject({
          id: z.string(),
          product: z.string(),
          unit_amount: z.nullable(Money),
          currency: z.string(),
          recurring: z.nullable(z.strictObject({ interval: z.string(), interval_count: z.int() })),
        }),
        quantity: z.int(),
      }),
    ),
  }),
  current_period_start: IsoTime,
  current_period_end: IsoTime,
  billing_cycle_anchor: IsoTime,
  trial_start: z.nullable(IsoTime),
  trial_end: z.nullable(IsoTime),
  cancel_at_period_end: z.boolean(),
  canceled_at: z.nullable(IsoTime),
  ended_at: z.nullable(IsoTime),
  default_payment_method: z.nullable(z.string()),
  latest_invoice: z.nullable(z.string()),
  discount: z.nullable(Discount),
  discounts: z.array(Discount),
  metadata: z.record(z.string(), z.string()),
  livemode: z.boolean(),
  created: IsoTime,
  /** Increases with every write: send it back as `expected_version` so a stale change is refused. */
  version: z.int(),
  /** A change waiting for the period end (a downgrade), until it applies or is dropped. */
  scheduled_change: z.nullable(z.strictObject({ items: z.array(z.strictObject({ price: z.string(), quantity: z.int() })), effective_at: IsoTime })),
  /** Set while paused; `resumes_at` null means until resumed by hand. */
  pause_collection: z.nullable(z.strictObject({ resumes_at: z.nullable(IsoTime) })),
  /** Why it was canceled, as the customer or the vendor said. */
  cancellation_details: z.nullable(z.strictObject({ reason: z.string(), feedback: z.nullable(z.string()), comment: z.nullable(z.string()) })),
});
export type SubscriptionWire = z.infer<typeof SubscriptionWire>;

export const InvoiceWire = z.strictObject({
  id: z.string(),
  object: z.literal('invoice'),
  number: z.nullable(z.string()),
  customer: z.string(),
  subscription: z.nullable(z.string()),
  status: z.enum(['draft', 'open', 'paid', 'void', 'uncollectible']),
  billing_reason: z.string(),
  currency: z.string(),
  period_start: z.nullable(IsoTime),
  period_end: z.nullable(IsoTime),
  subtotal: Money,
  total_discount: Money,
  total_excluding_tax: Money,
  tax: Money,
  total: Money,
  credit_applied: Money,
  amount_due: Money,
  amount_paid: Money,
  amount_remaining: Money,
  tax_breakdown: z.array(TaxAmountWire),
  reverse_charge: z.boolean(),
  notes: z.array(z.string()),
  /** Who it was for and who sold, frozen at finalization. */
  customer_details: z.record(z.string(), z.unknown()),
  seller_details: z.record(z.string(), z.unknown()),
  lines: z.strictObject({ object: z.literal('list'), data: z.array(InvoiceLineWire), has_more: z.literal(false) }),
  attempt_count: z.int(),
  finalized_at: z.nullable(IsoTime),
  paid_at: z.nullable(IsoTime),
  due_date: z.nullable(IsoTime),
  metadata: z.record(z.string(), z.string()),
  livemode: z.boolean(),
  created: IsoTime,
});
export type InvoiceWire = z.infer<typeof InvoiceWire>;
