import * as z from 'zod/mini';
import { AmountMinor, Currency, DecimalString, Id, LookupKey, Metadata, Name, Timestamp } from '../common/schemas.js';
import { ListParams } from '../list/list.js';

export const intervals = ['day', 'week', 'month', 'year'] as const;
export const usageTypes = ['licensed', 'metered'] as const;
export const aggregateUsages = ['sum', 'max', 'last', 'count_unique'] as const;
export const taxBehaviors = ['inclusive', 'exclusive', 'unspecified'] as const;

/**
 * One tier of a tiered price. `up_to` is the inclusive upper bound of units, `"inf"` for the
 * last tier. Per unit: `unit_amount` (integer minor units) or `unit_amount_decimal`; plus an
 * optional `flat_amount` charged once the tier is reached.
 */
export const TierParams = z.strictObject({
  up_to: z.union([z.int().check(z.gte(1)), z.literal('inf')]),
  unit_amount: z.optional(AmountMinor),
  unit_amount_decimal: z.optional(DecimalString),
  flat_amount: z.optional(AmountMinor),
});
export type TierParams = z.infer<typeof TierParams>;

export const Tier = z.strictObject({
  up_to: z.nullable(z.int()),
  unit_amount: z.nullable(z.int()),
  unit_amount_decimal: z.nullable(z.string()),
  flat_amount: z.nullable(z.int()),
});
export type Tier = z.infer<typeof Tier>;

/** `per_unit` with `divide_by` is package pricing: a charge per started (`up`) or full (`down`) package. */
export const TransformQuantity = z.strictObject({
  divide_by: z.int().check(z.gte(1), z.lte(1_000_000_000)),
  round: z.enum(['up', 'down']),
});
export type TransformQuantity = z.infer<typeof TransformQuantity>;

export const RecurringParams = z.strictObject({
  interval: z.enum(intervals),
  interval_count: z.optional(z.int().check(z.gte(1), z.lte(365))),
  usage_type: z.optional(z.enum(usageTypes)),
  /** Only for metered prices; default `sum`. */
  aggregate_usage: z.optional(z.enum(aggregateUsages)),
});
export type RecurringParams = z.infer<typeof RecurringParams>;

export const Recurring = z.strictObject({
  interval: z.enum(intervals),
  interval_count: z.int(),
  usage_type: z.enum(usageTypes),
  aggregate_usage: z.nullable(z.enum(aggregateUsages)),
});
export type Recurring = z.infer<typeof Recurring>;

/**
 * The same price in another currency (Stripe's `currency_options`): the same scheme, its own
 * amounts. A tiered price's options repeat the tiers with the same `up_to` bounds.
 */
export const CurrencyOptionParams = z.strictObject({
  unit_amount: z.optional(AmountMinor),
  unit_amount_decimal: z.optional(DecimalString),
  tiers: z.optional(z.array(TierParams).check(z.minLength(1), z.maxLength(50))),
  tax_behavior: z.optional(z.enum(taxBehaviors)),
  minimum_amount: z.optional(AmountMinor),
});
export type CurrencyOptionParams = z.infer<typeof CurrencyOptionParams>;

export const CurrencyOption = z.strictObject({
  unit_amount: z.nullable(z.int()),
  unit_amount_decimal: z.nullable(z.string()),
  tiers: z.nullable(z.array(Tier)),
  tax_behavior: z.enum(taxBehaviors),
  minimum_amount: z.nullable(z.int()),
});
export type CurrencyOption = z.infer<typeof CurrencyOption>;

/** A price: how much, how often, in which currencies. Immutable once created, except the fields of {@link PriceUpdateParams}. */
export const Price = z.strictObject({
  id: Id,
  object: z.literal('price'),
  active: z.boolean(),
  product: Id,
  currency: z.string(),
  type: z.enum(['one_time', 'recurring']),
  billing_scheme: z.enum(['per_unit', 'tiered']),
  unit_amount: z.nullable(z.int()),
  unit_amount_decimal: z.nullable(z.string()),
  tiers_mode: z.nullable(z.enum(['graduated', 'volume'])),
  tiers: z.nullable(z.array(Tier)),
  transform_quantity: z.nullable(TransformQuantity),
  recurring: z.nullable(Recurring),
  tax_behavior: z.enum(taxBehaviors),
  currency_options: z.record(z.string(), CurrencyOption),
  minimum_amount: z.nullable(z.int()),
  trial_period_days: z.nullable(z.int()),
  tax_code: z.nullable(z.string()),
  lookup_key: z.nullable(z.string()),
  nickname: z.nullable(z.string()),
  metadata: z.record(z.string(), z.string()),
  livemode: z.boolean(),
  created: Timestamp,
});
export type Price = z.infer<typeof Price>;

/** `POST /v1/prices`. Cross-field rules (one amount form, tiers ascending…) are checked by the server. */
export const PriceCreateParams = z.strictObject({
  product: Id,
  currency: Currency,
  active: z.optional(z.boolean()),
  billing_scheme: z.optional(z.enum(['per_unit', 'tiered'])),
  unit_amount: z.optional(AmountMinor),
  unit_amount_decimal: z.optional(DecimalString),
  tiers_mode: z.optional(z.enum(['graduated', 'volume'])),
  tiers: z.optional(z.array(TierParams).check(z.minLength(1), z.maxLength(50))),
  transform_quantity: z.optional(TransformQuantity),
  recurring: z.optional(RecurringParams),
  tax_behavior: z.optional(z.enum(taxBehaviors)),
  currency_options: z.optional(z.record(Currency, CurrencyOptionParams)),
  minimum_amount: z.optional(AmountMinor),
  trial_period_days: z.optional(z.int().check(z.gte(0), z.lte(730))),
  tax_code: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  lookup_key: z.optional(LookupKey),
  /** Move `lookup_key` from the price that holds it to this one (Stripe's `transfer_lookup_key`). */
  transfer_lookup_key: z.optional(z.boolean()),
  nickname: z.optional(Name),
  metadata: z.optional(Metadata),
});
export type PriceCreateParams = z.infer<typeof PriceCreateParams>;

/** `POST /v1/prices/:id`: only these fields ever change; amounts and intervals never do. */
export const PriceUpdateParams = z.strictObject({
  active: z.optional(z.boolean()),
  nickname: z.optional(z.nullable(Name)),
  lookup_key: z.optional(z.nullable(LookupKey)),
  transfer_lookup_key: z.optional(z.boolean()),
  /** Only while the price is unused or its tax behavior is still `unspecified`. */
  tax_behavior: z.optional(z.enum(taxBehaviors)),
  metadata: z.optional(Metadata),
});
export type PriceUpdateParams = z.infer<typeof PriceUpdateParams>;

/** `GET /v1/prices`. */
export const PriceListParams = z.extend(ListParams, {
  active: z.optional(z.boolean()),
  product: z.optional(z.string()),
  currency: z.optional(Currency),
  type: z.optional(z.enum(['one_time', 'recurring'])),
  lookup_keys: z.optional(z.array(z.string()).check(z.maxLength(10))),
});
export type PriceListParams = z.infer<typeof PriceListParams>;
