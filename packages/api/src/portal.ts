/**
 * The customer portal's wire contract: portal sessions (minted by the vendor's backend with a
 * secret key), the one-time code → bearer token exchange (from the browser), and what a portal
 * token may read: the customer's own billing details, subscriptions, invoices, payment methods
 * and what the portal may offer. Names start with `Portal` so they never clash with the full
 * resources (`Subscription`, `Invoice`…) the secret-key API defines.
 */
import * as z from 'zod/mini';
import { Id, Name, Timestamp } from './common/schemas.js';
import { Address, AddressParams, TaxId, TaxIdParams } from './customers/schemas.js';
import type { InvoiceWire, PaymentMethodWire, SubscriptionWire } from './billing/resources.js';
import { ListParams } from './list/list.js';

/** BCP 47 language tag: `en`, `ro`, `en-GB`. */
const Locale = z
  .string()
  .check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag like "en" or "ro-RO"'));
const HttpUrl = z.string().check(z.maxLength(2048), z.regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL'));
const Email = z
  .string()
  .check(z.maxLength(512), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address'));

/** Where the portal opens: a focused flow, or the overview when absent. */
export const portalFlows = ['cancel', 'change-plan', 'update-payment-method'] as const;
export const PortalFlow = z.enum(portalFlows);
export type PortalFlow = z.infer<typeof PortalFlow>;

/** `POST /v1/portal_sessions` (secret key). */
export const PortalSessionCreateParams = z.strictObject({
  customer: Id,
  return_url: z.optional(HttpUrl),
  flow: z.optional(PortalFlow),
  locale: z.optional(Locale),
});
export type PortalSessionCreateParams = z.infer<typeof PortalSessionCreateParams>;

/**
 * A portal session. `code` is shown once, here: hand it to the browser, which exchanges it
 * (once, before `expires_at`) at `POST /v1/portal/token`. Only its SHA-256 is stored.
 */
export const PortalSession = z.strictObject({
  id: Id,
  object: z.literal('portal_session'),
  code: z.string(),
  customer: Id,
  flow: z.nullable(PortalFlow),
  return_url: z.nullable(z.string()),
  locale: z.nullable(z.string()),
  /** A hosted portal page, when the server hosts one; null while the portal is embedded only. */
  url: z.nullable(z.string()),
  expires_at: Timestamp,
  livemode: z.boolean(),
  created: Timestamp,
});
export type PortalSession = z.infer<typeof PortalSession>;

/** `POST /v1/portal/token`: no API key; the code is the credential. */
export const PortalTokenParams = z.strictObject({
  code: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type PortalTokenParams = z.infer<typeof PortalTokenParams>;

/** A bearer token for `/v1/portal/*`, scoped to one customer, short-lived. Shown once. */
export const PortalToken = z.strictObject({
  object: z.literal('portal_token'),
  token: z.string(),
  customer: Id,
  expires_at: Timestamp,
  /** The session's flow, return URL and locale, so the portal opens where the vendor asked. */
  flow: z.nullable(PortalFlow),
  return_url: z.nullable(z.string()),
  locale: z.nullable(z.string()),
  livemode: z.boolean(),
});
export type PortalToken = z.infer<typeof PortalToken>;

/** The customer as the portal shows it: billing details only, no vendor metadata. */
export const PortalCustomer = z.strictObject({
  id: Id,
  object: z.literal('customer'),
  email: z.nullable(z.string()),
  name: z.nullable(z.string()),
  address: z.nullable(Address),
  tax_ids: z.array(TaxId),
  locale: z.nullable(z.string()),
  preferred_currency: z.nullable(z.string()),
  default_payment_method: z.nullable(z.string()),
  livemode: z.boolean(),
});
export type PortalCustomer = z.infer<typeof PortalCustomer>;

/**
 * `POST /v1/portal/customer`: the billing details a customer may edit. `null` clears a field;
 * `tax_id` replaces the customer's tax ids with this one (validated: format and check digits).
 */
export const PortalCustomerUpdateParams = z.strictObject({
  name: z.optional(z.nullable(Name)),
  email: z.optional(z.nullable(Email)),
  address: z.optional(z.nullable(AddressParams)),
  tax_id: z.optional(z.nullable(TaxIdParams)),
  locale: z.optional(z.nullable(Locale)),
});
export type PortalCustomerUpdateParams = z.infer<typeof PortalCustomerUpdateParams>;

/** `GET /v1/portal/subscriptions` and `/v1/portal/invoices`: a page of the customer's own. */
export const PortalListParams = ListParams;
export type PortalListParams = z.infer<typeof PortalListParams>;

/**
 * The customer's own billing objects, in the same shapes as the secret-key API
 * (`SubscriptionWire`, `InvoiceWire`, `PaymentMethodWire`) minus the vendor's `metadata`.
 */
export type PortalSubscription = Omit<SubscriptionWire, 'metadata' | 'cancellation_details'>;
export type PortalInvoice = Omit<InvoiceWire, 'metadata'>;
export type PortalPaymentMethod = PaymentMethodWire;

/** A plan the customer may switch to: a product of the same group as one they hold. */
export const PortalPlanOption = z.strictObject({
  product: Id,
  name: z.string(),
  group: z.string(),
  rank: z.nullable(z.int()),
  prices: z.array(Id),
});
export type PortalPlanOption = z.infer<typeof PortalPlanOption>;

/**
 * `GET /v1/portal/config`: what this portal may offer, from the vendor's billing settings
 * (`portal.allow_cancel_now`, `portal.allow_pause`, `portal.retention_coupon`) and catalog.
 */
export const PortalConfig = z.strictObject({
  object: z.literal('portal_configuration'),
  features: z.strictObject({
    customer_update: z.strictObject({
      enabled: z.boolean(),
      allowed_updates: z.array(z.enum(['name', 'email', 'address', 'tax_id', 'locale'])),
    }),
    invoice_history: z.strictObject({ enabled: z.boolean() }),
    payment_method_update: z.strictObject({ enabled: z.boolean() }),
    subscription_cancel: z.strictObject({
      enabled: z.boolean(),
      /** `at_period_end`: access lasts until the period ends; `immediately`: the customer may also end it now. */
      mode: z.enum(['at_period_end', 'immediately']),
      /** A coupon offered once before the customer confirms a cancel, or null. */
      retention_offer: z.nullable(z.strictObject({ coupon: Id })),
    }),
    subscription_pause: z.strictObject({ enabled: z.boolean() }),
    /** Plans to switch to: active products of the groups of the customer's current plans. */
    subscription_update: z.strictObject({ enabled: z.boolean(), products: z.array(PortalPlanOption) }),
  }),
  livemode: z.boolean(),
});
export type PortalConfig = z.infer<typeof PortalConfig>;
