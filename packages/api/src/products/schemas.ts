import * as z from 'zod/mini';
import { Id, LookupKey, Metadata, Name, Text, Timestamp } from '../common/schemas.js';
import { ListParams } from '../list/list.js';

/**
 * A feature or limit the product grants, read by the vendor's app to gate features:
 * `{ key: 'seats', name: 'Seats', value: 5 }`, `{ key: 'sso', name: 'SSO', value: true }`.
 */
export const Entitlement = z.strictObject({
  key: z.string().check(z.regex(/^[a-z0-9_.-]{1,100}$/, 'may contain a-z, 0-9, _ . - (1 to 100 characters)')),
  name: Name,
  value: z.union([z.boolean(), z.int(), z.string().check(z.maxLength(250))]),
  unit: z.optional(z.string().check(z.maxLength(100))),
});
export type Entitlement = z.infer<typeof Entitlement>;

/** A bullet shown on the pricing table: `{ name: 'Unlimited projects' }`. */
export const MarketingFeature = z.strictObject({ name: Name });
export type MarketingFeature = z.infer<typeof MarketingFeature>;

const Group = z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,100}$/, 'may contain letters, digits, _ . - (1 to 100 characters)'));
const Rank = z.int().check(z.gte(0), z.lte(1_000_000));
const Features = z.array(MarketingFeature).check(z.maxLength(50));
const Entitlements = z.array(Entitlement).check(
  z.maxLength(100),
  z.refine((list) => new Set(list.map((e) => e.key)).size === list.length, { message: 'entitlement keys must be unique' }),
);

/** A product: what is sold. Plans of one ladder share a `group` and climb by `rank`. */
export const Product = z.strictObject({
  id: Id,
  object: z.literal('product'),
  active: z.boolean(),
  name: z.string(),
  description: z.nullable(z.string()),
  group: z.nullable(z.string()),
  rank: z.nullable(z.int()),
  marketing_features: z.array(MarketingFeature),
  entitlements: z.array(Entitlement),
  tax_code: z.nullable(z.string()),
  lookup_key: z.nullable(z.string()),
  metadata: z.record(z.string(), z.string()),
  livemode: z.boolean(),
  created: Timestamp,
  updated: Timestamp,
});
export type Product = z.infer<typeof Product>;

/** `POST /v1/products`. */
export const ProductCreateParams = z.strictObject({
  name: Name,
  description: z.optional(Text),
  active: z.optional(z.boolean()),
  group: z.optional(Group),
  rank: z.optional(Rank),
  marketing_features: z.optional(Features),
  entitlements: z.optional(Entitlements),
  tax_code: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  lookup_key: z.optional(LookupKey),
  metadata: z.optional(Metadata),
});
export type ProductCreateParams = z.infer<typeof ProductCreateParams>;

/** `POST /v1/products/:id`: every field may change; `null` clears an optional one. */
export const ProductUpdateParams = z.strictObject({
  name: z.optional(Name),
  description: z.optional(z.nullable(Text)),
  active: z.optional(z.boolean()),
  group: z.optional(z.nullable(Group)),
  rank: z.optional(z.nullable(Rank)),
  marketing_features: z.optional(Features),
  entitlements: z.optional(Entitlements),
  tax_code: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(100)))),
  lookup_key: z.optional(z.nullable(LookupKey)),
  metadata: z.optional(Metadata),
});
export type ProductUpdateParams = z.infer<typeof ProductUpdateParams>;

/** `GET /v1/products`. */
export const ProductListParams = z.extend(ListParams, {
  active: z.optional(z.boolean()),
  group: z.optional(z.string()),
  lookup_key: z.optional(z.string()),
});
export type ProductListParams = z.infer<typeof ProductListParams>;
