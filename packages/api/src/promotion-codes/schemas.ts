import * as z from 'zod/mini';
import { AmountMinor, Currency, Id, Metadata, Timestamp } from '../common/schemas.js';
import { Coupon } from '../coupons/schemas.js';
import { ListParams } from '../list/list.js';

/** What the customer types at checkout: letters, digits, `-` and `_`, matched case-insensitively. */
export const PromotionCodeText = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'may contain letters, digits, _ and - (1 to 64 characters)'));

export const RestrictionsParams = z.strictObject({
  first_time_transaction: z.optional(z.boolean()),
  minimum_amount: z.optional(AmountMinor),
  minimum_amount_currency: z.optional(Currency),
});

/** A customer-facing code for a coupon (`DEMO20`). */
export const PromotionCode = z.strictObject({
  id: Id,
  object: z.literal('promotion_code'),
  code: z.string(),
  coupon: Coupon,
  active: z.boolean(),
  customer: z.nullable(z.string()),
  expires_at: z.nullable(Timestamp),
  max_redemptions: z.nullable(z.int()),
  times_redeemed: z.int(),
  restrictions: z.strictObject({
    first_time_transaction: z.boolean(),
    minimum_amount: z.nullable(z.int()),
    minimum_amount_currency: z.nullable(z.string()),
  }),
  metadata: z.record(z.string(), z.string()),
  livemode: z.boolean(),
  created: Timestamp,
});
export type PromotionCode = z.infer<typeof PromotionCode>;

/** `POST /v1/promotion_codes`: `code` is generated when left out. */
export const PromotionCodeCreateParams = z.strictObject({
  coupon: Id,
  code: z.optional(PromotionCodeText),
  active: z.optional(z.boolean()),
  customer: z.optional(Id),
  expires_at: z.optional(Timestamp),
  max_redemptions: z.optional(z.int().check(z.gte(1))),
  restrictions: z.optional(RestrictionsParams),
  metadata: z.optional(Metadata),
});
export type PromotionCodeCreateParams = z.infer<typeof PromotionCodeCreateParams>;

export const PromotionCodeUpdateParams = z.strictObject({
  active: z.optional(z.boolean()),
  metadata: z.optional(Metadata),
});
export type PromotionCodeUpdateParams = z.infer<typeof PromotionCodeUpdateParams>;

export const PromotionCodeListParams = z.extend(ListParams, {
  active: z.optional(z.boolean()),
  code: z.optional(z.string()),
  coupon: z.optional(z.string()),
  customer: z.optional(z.string()),
});
export type PromotionCodeListParams = z.infer<typeof PromotionCodeListParams>;
