import * as z from 'zod/mini';
import { LookupKey } from '../common/schemas.js';
import { CouponCreateParams } from '../coupons/schemas.js';
import { PriceCreateParams } from '../prices/schemas.js';
import { ProductCreateParams } from '../products/schemas.js';
import { PromotionCodeCreateParams } from '../promotion-codes/schemas.js';

/** A price in a catalog file: nested under its product, keyed by a stable `lookup_key`. */
export const CatalogPrice = z.extend(z.omit(PriceCreateParams, { product: true, lookup_key: true, transfer_lookup_key: true }), {
  lookup_key: LookupKey,
});
export type CatalogPrice = z.infer<typeof CatalogPrice>;

export const CatalogProduct = z.extend(z.omit(ProductCreateParams, { lookup_key: true }), {
  lookup_key: LookupKey,
  prices: z.optional(z.array(CatalogPrice).check(z.maxLength(100))),
});
export type CatalogProduct = z.infer<typeof CatalogProduct>;

export const CatalogPromotionCode = z.omit(PromotionCodeCreateParams, { coupon: true, customer: true });
export type CatalogPromotionCode = z.infer<typeof CatalogPromotionCode>;

export const CatalogCoupon = z.extend(z.omit(CouponCreateParams, { lookup_key: true, applies_to: true }), {
  lookup_key: LookupKey,
  /** Product lookup keys (not ids: ids differ per database). */
  applies_to_products: z.optional(z.array(LookupKey).check(z.minLength(1))),
  promotion_codes: z.optional(z.array(CatalogPromotionCode).check(z.maxLength(100))),
});
export type CatalogCoupon = z.infer<typeof CatalogCoupon>;

/**
 * A catalog as code: the file `abona seed --file catalog.json` applies. Applying it twice
 * changes nothing; objects are matched by `lookup_key` (promotion codes by `code`).
 */
export const CatalogFile = z.strictObject({
  $schema: z.optional(z.string()),
  description: z.optional(z.string()),
  products: z.array(CatalogProduct).check(z.maxLength(500)),
  coupons: z.optional(z.array(CatalogCoupon).check(z.maxLength(500))),
});
export type CatalogFile = z.infer<typeof CatalogFile>;
