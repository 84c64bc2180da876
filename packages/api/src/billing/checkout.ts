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

const IsoTime = z.string();
const Money = z.int();

/** One tax on a line or in the breakdown. */
export const TaxAmountWire = z.strictObject({
  amount: Money,
  taxable_amount: Money,
  rate_percent: z.string(),
  type: z.string(),
  label: z.string(),
  jurisdiction: z.string(),
  inclusive: z.boolean(),
  reverse_charge: z.boolean(),
});
export type TaxAmountWire = z.infer<typeof TaxAmountWire>;

/** A line of a quote or an invoice (invoice lines also carry `id` and `object`). */
export const InvoiceLineWire = z.strictObject({
  id: z.optional(z.string()),
  object: z.optional(z.literal('line_item')),
  kind: z.string(),
  description: z.string(),
  amount: Money,
  quantity: z.int(),
  price: z.nullable(z.string()),
  product: z.nullable(z.string()),
  period: z.nullable(z.strictObject({ start: IsoTime, end: IsoTime })),
  tax_behavior: z.enum(['inclusive', 'exclusive']),
  discount_amount: Money,
  net_amount: Money,
  taxes: z.array(TaxAmountWire),
  total_amount: Money,
});
export type InvoiceLineWire = z.infer<typeof InvoiceLineWire>;

/** What checkout shows: today's invoice as the engine computed it, and the next one (after a trial, or the next period). */
export const CheckoutQuote = z.strictObject({
  currency: z.string(),
  lines: z.array(InvoiceLineWire),
  subtotal: Money,
  total_discount: Money,
  total_excluding_tax: Money,
  tax: Money,
  total: Money,
  tax_breakdown: z.array(TaxAmountWire),
  amount_due: Money,
  reverse_charge: z.boolean(),
  notes: z.array(z.string()),
  then: z.nullable(
    z.strictObject({ date: IsoTime, subtotal: Money, total_discount: Money, tax: Money, total: Money, tax_breakdown: z.array(TaxAmountWire) }),
  ),
});
export type CheckoutQuote = z.infer<typeof CheckoutQuote>;

export const CheckoutSession = z.strictObject({
  id: z.string(),
  object: z.literal('checkout_session'),
  status: z.enum(['open', 'complete', 'expired']),
  mode: z.enum(['subscription', 'payment']),
  payment_status: z.enum(['unpaid', 'processing', 'requires_action', 'paid', 'no_payment_required']),
  currency: z.string(),
  line_items: z.array(z.strictObject({ price: z.string(), quantity: z.int() })),
  customer: z.nullable(z.string()),
  customer_email: z.nullable(z.string()),
  customer_details: z.strictObject({
    name: z.nullable(z.string()),
    business: z.boolean(),
    business_name: z.nullable(z.string()),
    address: z.strictObject({
      country: z.nullable(z.string()),
      state: z.nullable(z.string()),
      postal_code: z.nullable(z.string()),
      line1: z.nullable(z.string()),
      line2: z.nullable(z.string()),
      city: z.nullable(z.string()),
    }),
    tax_id: z.nullable(z.strictObject({ type: z.string(), value: z.string(), valid: z.boolean() })),
  }),
  promotion_code: z.nullable(z.string()),
  discount: z.nullable(
    z.strictObject({
      coupon: z.string(),
      promotion_code: z.nullable(z.string()),
      name: z.nullable(z.string()),
      percent_off: z.nullable(z.string()),
      amount_off: z.nullable(Money),
    }),
  ),
  amount_subtotal: Money,
  amount_discount: Money,
  amount_tax: Money,
  amount_total: Money,
  quote: CheckoutQuote,
  trial_end: z.nullable(IsoTime),
  subscription: z.nullable(z.string()),
  invoice: z.nullable(z.string()),
  payment: z.nullable(z.string()),
  /** 3-D Secure: show the challenge, then call `complete_action` (sandbox) with `action_id`. */
  next_action: z.nullable(z.strictObject({ type: z.literal('three_d_secure'), action_id: z.string(), client_secret: z.string() })),
  bank_transfer_instructions: z.nullable(z.record(z.string(), z.nullable(z.string()))),
  last_payment_error: z.nullable(z.strictObject({ code: z.string(), decline_code: z.string(), message: z.string() })),
  success_url: z.nullable(z.string()),
  cancel_url: z.nullable(z.string()),
  locale: z.nullable(z.string()),
  expires_at: IsoTime,
  completed_at: z.nullable(IsoTime),
  metadata: z.record(z.string(), z.string()),
  livemode: z.boolean(),
  created: IsoTime,
});
export type CheckoutSession = z.infer<typeof CheckoutSession>;

export const CheckoutSessionListParams = ListParams;
