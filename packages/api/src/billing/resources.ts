import * as z from 'zod/mini';
import { Id, Metadata } from '../common/schemas.js';
import { ListParams } from '../list/list.js';
import { TestCardParams, type InvoiceLineWire, type TaxAmountWire } from './checkout.js';

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

export interface PaymentMethodWire {
  id: string;
  object: 'payment_method';
  type: 'card' | 'apple_pay' | 'google_pay' | 'sepa_debit' | 'bank_transfer';
  customer: string;
  card: { brand: string | null; last4: string | null; exp_month: number | null; exp_year: number | null } | null;
  off_session_ready: boolean;
  default: boolean;
  livemode: boolean;
  created: string;
}

export interface TokenWire {
  id: string;
  object: 'token';
  type: 'card' | 'sepa_debit';
  card: { brand: string; last4: string; exp_month: number; exp_year: number; funding: string } | null;
  sepa_debit: { country: string; bank_code: string; last4: string } | null;
}

export interface SubscriptionWire {
  id: string;
  object: 'subscription';
  customer: string;
  status: (typeof subscriptionStatusValues)[number];
  currency: string;
  items: { object: 'list'; data: { price: { id: string; product: string; unit_amount: number | null; currency: string; recurring: { interval: string; interval_count: number } | null }; quantity: number }[] };
  current_period_start: string;
  current_period_end: string;
  billing_cycle_anchor: string;
  trial_start: string | null;
  trial_end: string | null;
  cancel_at_period_end: boolean;
  canceled_at: string | null;
  ended_at: string | null;
  default_payment_method: string | null;
  latest_invoice: string | null;
  discount: { coupon: string; start: string } | null;
  discounts: { coupon: string; start: string }[];
  metadata: Record<string, string>;
  livemode: boolean;
  created: string;
}

export interface InvoiceWire {
  id: string;
  object: 'invoice';
  number: string | null;
  customer: string;
  subscription: string | null;
  status: 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';
  billing_reason: string;
  currency: string;
  period_start: string | null;
  period_end: string | null;
  subtotal: number;
  total_discount: number;
  total_excluding_tax: number;
  tax: number;
  total: number;
  credit_applied: number;
  amount_due: number;
  amount_paid: number;
  amount_remaining: number;
  tax_breakdown: TaxAmountWire[];
  reverse_charge: boolean;
  notes: string[];
  customer_details: Record<string, unknown>;
  seller_details: Record<string, unknown>;
  lines: { object: 'list'; data: InvoiceLineWire[]; has_more: false };
  attempt_count: number;
  finalized_at: string | null;
  paid_at: string | null;
  due_date: string | null;
  metadata: Record<string, string>;
  livemode: boolean;
  created: string;
}
