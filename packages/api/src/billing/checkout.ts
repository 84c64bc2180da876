import * as z from 'zod/mini';
import { Currency, Id, Metadata } from '../common/schemas.js';
import { ListParams } from '../list/list.js';

const Email = z.string().check(z.maxLength(512), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address'));
const Line = z.string().check(z.maxLength(200));
const Country = z.string().check(z.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code like "RO"'));
const Quantity = z.int().check(z.gte(1), z.lte(10_000));
const Url = z.string().check(z.maxLength(2048), z.regex(/^https?:\/\/\S+$/, 'must be an http(s) URL'));
const Locale = z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag like "en" or "ro-RO"'));
const Code = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'may contain letters, digits, _ and - (1 to 64 characters)'));

/** A price and how many of it. */
export const LineItemParams = z.strictObject({ price: Id, quantity: z.optional(Quantity) });
export type LineItemParams = z.infer<typeof LineItemParams>;

/** Where the buyer is and who they are: the tax engine's inputs. */
export const CheckoutCustomerDetailsParams = z.strictObject({
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(250))),
  address: z.optional(
    z.strictObject({
      country: Country,
      state: z.optional(Line),
      postal_code: z.optional(z.string().check(z.maxLength(20))),
      line1: z.optional(Line),
      line2: z.optional(Line),
      city: z.optional(Line),
    }),
  ),
  business: z.optional(z.boolean()),
  business_name: z.optional(z.string().check(z.minLength(1), z.maxLength(250))),
  tax_id: z.optional(
    z.nullable(
      z.strictObject({
        type: z.string().check(z.regex(/^[a-z]{2}_[a-z_]{2,20}$/, 'must be a tax id type like "eu_vat"')),
        value: z.string().check(z.minLength(1), z.maxLength(64)),
      }),
    ),
  ),
});
export type CheckoutCustomerDetailsParams = z.infer<typeof CheckoutCustomerDetailsParams>;

/** `POST /v1/checkout_sessions` (publishable key allowed). */
export const CheckoutSessionCreateParams = z.strictObject({
  line_items: z.array(LineItemParams).check(z.minLength(1), z.maxLength(20)),
  currency: z.optional(Currency),
  email: z.optional(Email),
  customer_details: z.optional(CheckoutCustomerDetailsParams),
  promotion_code: z.optional(Code),
  success_url: z.optional(Url),
  cancel_url: z.optional(Url),
  locale: z.optional(Locale),
  metadata: z.optional(Metadata),
});
export type CheckoutSessionCreateParams = z.infer<typeof CheckoutSessionCreateParams>;

/** `POST /v1/checkout_sessions/:id`: any input may change; totals are recomputed. `null` clears. */
export const CheckoutSessionUpdateParams = z.strictObject({
  line_items: z.optional(z.array(LineItemParams).check(z.minLength(1), z.maxLength(20))),
  email: z.optional(z.nullable(Email)),
  customer_details: z.optional(CheckoutCustomerDetailsParams),
  promotion_code: z.optional(z.nullable(Code)),
  locale: z.optional(Locale),
});
export type CheckoutSessionUpdateParams = z.infer<typeof CheckoutSessionUpdateParams>;

/** A test card as the sandbox card form posts it (test mode only; never stored). */
export const TestCardParams = z.strictObject({
  number: z.string().check(z.minLength(1), z.maxLength(30)),
  exp_month: z.union([z.int().check(z.gte(0), z.lte(99)), z.string().check(z.maxLength(4))]),
  exp_year: z.union([z.int().check(z.gte(0), z.lte(9999)), z.string().check(z.maxLength(4))]),
  cvc: z.string().check(z.maxLength(4)),
});
export type TestCardParams = z.infer<typeof TestCardParams>;

/**
 * How the buyer pays: a gateway token (`tok_…`, including the wallet tokens `tok_apple_pay` /
 * `tok_google_pay`), a test card (test mode only), a SEPA debit (`{ type: 'sepa_debit', iban }`),
 * or a bank transfer (`{ type: 'bank_transfer' }`).
 */
export const PaymentMethodInput = z.union([
  z.string().check(z.regex(/^tok_[A-Za-z0-9_]{1,100}$/, 'must be a token like "tok_…"')),
  z.strictObject({ card: TestCardParams }),
  z.strictObject({ token: z.string().check(z.regex(/^tok_[A-Za-z0-9_]{1,100}$/, 'must be a token like "tok_…"')) }),
  z.strictObject({ type: z.literal('sepa_debit'), iban: z.string().check(z.minLength(1), z.maxLength(64)) }),
  z.strictObject({ type: z.literal('bank_transfer') }),
]);
export type PaymentMethodInput = z.infer<typeof PaymentMethodInput>;

/** `POST /v1/checkout_sessions/:id/confirm`. */
export const CheckoutSessionConfirmParams = z.strictObject({ payment_method: PaymentMethodInput });
export type CheckoutSessionConfirmParams = z.infer<typeof CheckoutSessionConfirmParams>;

/** `POST /v1/checkout_sessions/:id/complete_action`: the sandbox's 3-D Secure page answers. */
export const CheckoutSessionCompleteActionParams = z.strictObject({
  action_id: Id,
  outcome: z.optional(z.enum(['complete', 'fail'])),
});
export type CheckoutSessionCompleteActionParams = z.infer<typeof CheckoutSessionCompleteActionParams>;

/** One tax on a line or in the breakdown. */
export interface TaxAmountWire {
  amount: number;
  taxable_amount: number;
  rate_percent: string;
  type: string;
  label: string;
  jurisdiction: string;
  inclusive: boolean;
  reverse_charge: boolean;
}

/** A line of a quote or an invoice. */
export interface InvoiceLineWire {
  id?: string;
  object?: 'line_item';
  kind: string;
  description: string;
  amount: number;
  quantity: number;
  price: string | null;
  product: string | null;
  period: { start: string; end: string } | null;
  tax_behavior: 'inclusive' | 'exclusive';
  discount_amount: number;
  net_amount: number;
  taxes: TaxAmountWire[];
  total_amount: number;
}

/** What checkout shows: today's invoice as the engine computed it, and the first renewal after a trial. */
export interface CheckoutQuote {
  currency: string;
  lines: InvoiceLineWire[];
  subtotal: number;
  total_discount: number;
  total_excluding_tax: number;
  tax: number;
  total: number;
  tax_breakdown: TaxAmountWire[];
  amount_due: number;
  reverse_charge: boolean;
  notes: string[];
  /** After a trial (or for the next period): what will be charged and when. */
  then: { date: string; subtotal: number; total_discount: number; tax: number; total: number; tax_breakdown: TaxAmountWire[] } | null;
}

export interface CheckoutSession {
  id: string;
  object: 'checkout_session';
  status: 'open' | 'complete' | 'expired';
  mode: 'subscription' | 'payment';
  payment_status: 'unpaid' | 'processing' | 'requires_action' | 'paid' | 'no_payment_required';
  currency: string;
  line_items: { price: string; quantity: number }[];
  customer: string | null;
  customer_email: string | null;
  customer_details: {
    name: string | null;
    business: boolean;
    business_name: string | null;
    address: { country: string | null; state: string | null; postal_code: string | null; line1: string | null; line2: string | null; city: string | null };
    tax_id: { type: string; value: string; valid: boolean } | null;
  };
  promotion_code: string | null;
  discount: { coupon: string; promotion_code: string | null; name: string | null; percent_off: string | null; amount_off: number | null } | null;
  amount_subtotal: number;
  amount_discount: number;
  amount_tax: number;
  amount_total: number;
  quote: CheckoutQuote;
  trial_end: string | null;
  subscription: string | null;
  invoice: string | null;
  payment: string | null;
  next_action: { type: 'three_d_secure'; action_id: string; client_secret: string } | null;
  bank_transfer_instructions: Record<string, string | null> | null;
  last_payment_error: { code: string; decline_code: string; message: string } | null;
  success_url: string | null;
  cancel_url: string | null;
  locale: string | null;
  expires_at: string;
  completed_at: string | null;
  metadata: Record<string, string>;
  livemode: boolean;
  created: string;
}

export const CheckoutSessionListParams = ListParams;
