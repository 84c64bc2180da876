import * as z from 'zod/mini';
import { Currency, Id, Name } from './common/schemas.js';

const Country = z.string().check(z.regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code like "RO"'));
const Line = z.string().check(z.maxLength(200));

export const SellerAddress = z.strictObject({
  line1: z.optional(Line),
  city: z.optional(Line),
  postal_code: z.optional(z.string().check(z.maxLength(20))),
  state: z.optional(z.string().check(z.maxLength(3))),
  country: Country,
});
export type SellerAddress = z.infer<typeof SellerAddress>;

/** A place the seller collects tax: national, state (`state`) or EU One-Stop Shop (`type: "oss"`). */
export const SellerRegistration = z.strictObject({
  country: Country,
  state: z.optional(z.string().check(z.maxLength(3))),
  type: z.optional(z.enum(['standard', 'oss'])),
  tax_id: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
});
export type SellerRegistration = z.infer<typeof SellerRegistration>;

export const SellerTax = z.strictObject({
  /** Where the seller is established. */
  country: Country,
  state: z.optional(z.string().check(z.maxLength(3))),
  registrations: z.array(SellerRegistration).check(z.maxLength(100)),
  /** Customer countries where prices with `tax_behavior: "unspecified"` include tax. */
  prices_include_tax_in: z.optional(z.array(Country).check(z.maxLength(300))),
});
export type SellerTax = z.infer<typeof SellerTax>;

/** `GET /v1/settings/seller`: who sells, printed on invoices and deciding where tax is collected. */
export const SellerSettings = z.strictObject({
  object: z.literal('seller_settings'),
  livemode: z.boolean(),
  name: z.string(),
  email: z.nullable(z.string()),
  address: SellerAddress,
  tax: SellerTax,
  default_currency: z.string(),
});
export type SellerSettings = z.infer<typeof SellerSettings>;

/** `POST /v1/settings/seller`: the fields given replace the stored ones (`tax` as a whole). */
export const SellerSettingsParams = z.strictObject({
  name: z.optional(Name),
  email: z.optional(z.nullable(z.string().check(z.maxLength(320), z.regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address')))),
  address: z.optional(SellerAddress),
  tax: z.optional(SellerTax),
  default_currency: z.optional(Currency),
});
export type SellerSettingsParams = z.infer<typeof SellerSettingsParams>;

const Timing = z.enum(['now', 'period_end']);

/** When each kind of plan change takes effect (core's `PlanChangePolicy`). */
export const PlanChangePolicy = z.strictObject({
  upgrade: Timing,
  downgrade: Timing,
  seat_increase: Timing,
  seat_decrease: Timing,
  interval_change: Timing,
  lateral: Timing,
});
export type PlanChangePolicy = z.infer<typeof PlanChangePolicy>;

export const PlanChangePolicyParams = z.partial(PlanChangePolicy);
export type PlanChangePolicyParams = z.infer<typeof PlanChangePolicyParams>;

const Group = z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,100}$/, 'may contain letters, digits, _ . - (1 to 100 characters)'));
const RetryDays = z.array(z.int().check(z.gte(1), z.lte(60))).check(z.maxLength(10));
const ProrationBehavior = z.enum(['create_prorations', 'always_invoice', 'none']);
const RetriesExhausted = z.enum(['canceled', 'unpaid']);

/** `GET /v1/settings/billing`: plan changes, dunning and what the portal lets customers do. */
export const BillingSettings = z.strictObject({
  object: z.literal('billing_settings'),
  livemode: z.boolean(),
  /** The policy for every product; `plan_change_policy_by_group` overrides it per product group. */
  plan_change_policy: PlanChangePolicy,
  plan_change_policy_by_group: z.record(z.string(), PlanChangePolicyParams),
  proration_behavior: ProrationBehavior,
  dunning: z.strictObject({
    /** Days after the first failed attempt on which payment is retried, ascending. */
    retry_days: z.array(z.int()),
    /** What a subscription becomes when the last retry fails. */
    retries_exhausted: RetriesExhausted,
  }),
  portal: z.strictObject({
    allow_cancel_now: z.boolean(),
    allow_pause: z.boolean(),
    /** Coupon offered to a customer about to cancel; null for none. */
    retention_coupon: z.nullable(z.string()),
  }),
});
export type BillingSettings = z.infer<typeof BillingSettings>;

/** `POST /v1/settings/billing`: the fields given replace the stored ones. */
export const BillingSettingsParams = z.strictObject({
  plan_change_policy: z.optional(PlanChangePolicyParams),
  plan_change_policy_by_group: z.optional(
    z.record(Group, PlanChangePolicyParams).check(z.refine((value) => Object.keys(value).length <= 100, { message: 'at most 100 groups' })),
  ),
  proration_behavior: z.optional(ProrationBehavior),
  dunning: z.optional(
    z.strictObject({
      retry_days: z.optional(RetryDays),
      retries_exhausted: z.optional(RetriesExhausted),
    }),
  ),
  portal: z.optional(
    z.strictObject({
      allow_cancel_now: z.optional(z.boolean()),
      allow_pause: z.optional(z.boolean()),
      retention_coupon: z.optional(z.nullable(Id)),
    }),
  ),
});
export type BillingSettingsParams = z.infer<typeof BillingSettingsParams>;
