import * as z from 'zod/mini';
import { Currency, Id, LookupKey, Metadata, Name, Timestamp } from '../common/schemas.js';
import { ListParams } from '../list/list.js';

/** Percent off, 0 < p ≤ 100, with at most two decimals (`12.5`), as Stripe takes it. */
const PercentOff = z.number().check(
  z.gt(0),
  z.lte(100),
  z.refine((p) => Number.isInteger(Math.round(p * 100)) && Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, {
    message: 'may have at most two decimals',
  }),
);
const AmountOff = z.int().check(z.gte(1), z.lte(Number.MAX_SAFE_INTEGER));

export const couponDurations = ['once', 'repeating', 'forever'] as const;

/** A discount: percent off, or an amount off in one or more currencies, for a duration. */
export const Coupon = z.strictObject({
  id: Id,
  object: z.literal('coupon'),
  name: z.nullable(z.string()),
  percent_off: z.nullable(z.number()),
  amount_off: z.nullable(z.int()),
  currency: z.nullable(z.string()),
  currency_options: z.record(z.string(), z.strictObject({ amount_off: z.int() })),
  duration: z.enum(couponDurations),
  duration_in_months: z.nullable(z.int()),
  applies_to: z.nullable(z.strictObject({ products: z.array(z.string()) })),
  max_redemptions: z.nullable(z.int()),
  redeem_by: z.nullable(Timestamp),
  times_redeemed: z.int(),
  valid: z.boolean(),
  lookup_key: z.nullable(z.string()),
  metadata: z.record(z.string(), z.string()),
  livemode: z.boolean(),
  created: Timestamp,
});
export type Coupon = z.infer<typeof Coupon>;

/** `POST /v1/coupons`: exactly one of `percent_off` or `amount_off` + `currency`. */
export const CouponCreateParams = z.strictObject({
  name: z.optional(Name),
  percent_off: z.optional(PercentOff),
  amount_off: z.optional(AmountOff),
  currency: z.optional(Currency),
  currency_options: z.optional(z.record(Currency, z.strictObject({ amount_off: AmountOff }))),
  duration: z.optional(z.enum(couponDurations)),
  duration_in_months: z.optional(z.int().check(z.gte(1), z.lte(120))),
  applies_to: z.optional(z.strictObject({ products: z.array(Id).check(z.minLength(1), z.maxLength(100)) })),
  max_redemptions: z.optional(z.int().check(z.gte(1))),
  redeem_by: z.optional(Timestamp),
  lookup_key: z.optional(LookupKey),
  metadata: z.optional(Metadata),
});
export type CouponCreateParams = z.infer<typeof CouponCreateParams>;

/** `POST /v1/coupons/:id`: the discount itself never changes. */
export const CouponUpdateParams = z.strictObject({
  name: z.optional(z.nullable(Name)),
  metadata: z.optional(Metadata),
});
export type CouponUpdateParams = z.infer<typeof CouponUpdateParams>;

export const CouponListParams = ListParams;
export type CouponListParams = z.infer<typeof CouponListParams>;
