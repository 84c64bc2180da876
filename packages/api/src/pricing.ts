import * as z from 'zod/mini';
import { Currency } from './common/schemas.js';
import { TaxIdParams } from './customers/schemas.js';
import { intervals } from './prices/schemas.js';

/**
 * `GET /v1/pricing`: what `<abona-pricing-table>` shows, resolved by the server for the visitor's
 * country, currency, tax status and seat counts. Every amount is the one the first invoice charges.
 *
 * The query is parsed from its string form; `quantity[<price id>]=N` arrives as `quantity: { <price id>: N }`.
 * `interval` is the preferred interval (a hint): the answer carries every interval's prices, so
 * switching needs no round trip.
 */
export const PricingQuery = z.strictObject({
  currency: z.optional(Currency),
  /** ISO 3166-1 alpha-2; default from `CF-IPCountry` / `X-Country`, then `Accept-Language`, then the seller's country. */
  country: z.optional(z.string().check(z.regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code like "RO"'))),
  state: z.optional(z.string().check(z.regex(/^[A-Za-z0-9]{1,3}$/, 'must be an ISO 3166-2 subdivision code without prefix, like "NY"'))),
  postal_code: z.optional(z.string().check(z.maxLength(20))),
  business: z.optional(z.boolean()),
  tax_id_type: z.optional(TaxIdParams.shape.type),
  tax_id: z.optional(TaxIdParams.shape.value),
  interval: z.optional(z.enum(intervals)),
  /** Comma-separated product ids or lookup keys, in display order; default every active product with an active recurring price. */
  products: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
  quantity: z.optional(z.record(z.string().check(z.minLength(1), z.maxLength(255)), z.int().check(z.gte(1), z.lte(1_000_000)))),
});
export type PricingQuery = z.infer<typeof PricingQuery>;

/** A feature in the table's comparison order (the union over all products). */
export const PricingFeature = z.strictObject({
  key: z.string(),
  name: z.string(),
  unit: z.optional(z.string()),
});
export type PricingFeature = z.infer<typeof PricingFeature>;

/** A product's value for a feature: included or not, a limit, or a short text. */
export const PricingProductFeature = z.strictObject({
  key: z.string(),
  name: z.string(),
  value: z.union([z.boolean(), z.number(), z.string()]),
  unit: z.optional(z.string()),
});
export type PricingProductFeature = z.infer<typeof PricingProductFeature>;

/** A tier for display; `unit_amount_decimal` is a decimal string of minor units. */
export const PricingTier = z.strictObject({
  up_to: z.nullable(z.int()),
  unit_amount_decimal: z.string(),
  flat_amount: z.int(),
});
export type PricingTier = z.infer<typeof PricingTier>;

/** One price resolved for the visitor. Amounts are integer minor units for `quantity` units. */
export const PricingPrice = z.strictObject({
  id: z.string(),
  interval: z.enum(intervals),
  interval_count: z.int(),
  currency: z.string(),
  usage_type: z.enum(['licensed', 'metered']),
  model: z.enum(['flat', 'per_unit', 'graduated', 'volume', 'package']),
  unit_label: z.optional(z.string()),
  trial_days: z.optional(z.int()),
  quantity: z.int(),
  min_quantity: z.optional(z.int()),
  max_quantity: z.optional(z.int()),
  /** Gross when tax-inclusive, else net. */
  display_amount: z.int(),
  net_amount: z.int(),
  tax_amount: z.int(),
  gross_amount: z.int(),
  /** per_unit: the display amount of one unit (seat). */
  unit_display_amount: z.optional(z.int()),
  /** per_unit with a fractional unit price: decimal string of minor units. */
  unit_amount_decimal: z.optional(z.string()),
  /** Intervals of whole months or years: `display_amount` per month, rounded half-up. */
  monthly_display_amount: z.optional(z.int()),
  tax_inclusive: z.boolean(),
  tax_note: z.enum(['incl', 'excl', 'reverse_charge', 'none']),
  /** E.g. "TVA 21%". */
  tax_label: z.optional(z.string()),
  tiers: z.optional(z.array(PricingTier)),
  package_size: z.optional(z.int()),
});
export type PricingPrice = z.infer<typeof PricingPrice>;

/** What a card's button does: start checkout, or contact sales. */
export const PricingCta = z.strictObject({
  type: z.enum(['checkout', 'contact']),
  url: z.optional(z.string()),
  label: z.optional(z.string()),
});
export type PricingCta = z.infer<typeof PricingCta>;

export const PricingProduct = z.strictObject({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  highlight: z.boolean(),
  badge: z.optional(z.string()),
  cta: PricingCta,
  features: z.array(PricingProductFeature),
  /** Whole percent saved by yearly over monthly billing, from the real prices (core `yearlySavingPercent`). */
  yearly_saving_percent: z.optional(z.int()),
  prices: z.array(PricingPrice),
});
export type PricingProduct = z.infer<typeof PricingProduct>;

/** The answer of `GET /v1/pricing`. */
export const Pricing = z.strictObject({
  object: z.literal('pricing'),
  currency: z.string(),
  country: z.string(),
  available_currencies: z.array(z.string()),
  intervals: z.array(z.enum(intervals)),
  features: z.array(PricingFeature),
  products: z.array(PricingProduct),
});
export type Pricing = z.infer<typeof Pricing>;
