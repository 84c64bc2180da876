/**
 * The database schema (SQLite dialect through drizzle, kept portable to PostgreSQL): integer
 * money in minor units, integer epoch-ms instants, text ids, JSON as text, booleans as 0/1.
 *
 * Every business row carries `livemode`, and every query filters by it: test and live data
 * live side by side and never mix. Uniqueness that makes retries safe is a constraint here,
 * not a check in code.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { base, metadata } from './tables/columns.js';

export * from './tables/access.js';
export * from './tables/billing.js';
export * from './tables/ledger.js';

/** API keys, stored only as SHA-256 hashes of the full key. */
export const apiKeys = sqliteTable('api_keys', {
  id: text('id').primaryKey(),
  livemode: integer('livemode', { mode: 'boolean' }).notNull(),
  kind: text('kind', { enum: ['publishable', 'secret'] }).notNull(),
  keyHash: text('key_hash').notNull().unique(),
  name: text('name'),
  createdAt: integer('created_at').notNull(),
  revokedAt: integer('revoked_at'),
});

/**
 * Stored answers of POSTs made with an `Idempotency-Key`. The unique (api key, idempotency key)
 * pair is the lock: the first insert wins, concurrent duplicates find the row in flight.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    id: text('id').primaryKey(),
    apiKeyHash: text('api_key_hash').notNull(),
    key: text('key').notNull(),
    livemode: integer('livemode', { mode: 'boolean' }).notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    state: text('state', { enum: ['in_flight', 'done'] }).notNull(),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    responseContentType: text('response_content_type'),
    lockedAt: integer('locked_at').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [uniqueIndex('idempotency_keys_key_uq').on(t.apiKeyHash, t.key), index('idempotency_keys_expires_idx').on(t.expiresAt)],
);

export interface EntitlementJson {
  key: string;
  name: string;
  value: boolean | number | string;
  unit?: string;
}

export const products = sqliteTable(
  'products',
  {
    ...base,
    updatedAt: integer('updated_at').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    name: text('name').notNull(),
    description: text('description'),
    // `group` is an SQL keyword.
    productGroup: text('product_group'),
    rank: integer('rank'),
    marketingFeatures: text('marketing_features', { mode: 'json' }).$type<{ name: string }[]>().notNull(),
    entitlements: text('entitlements', { mode: 'json' }).$type<EntitlementJson[]>().notNull(),
    taxCode: text('tax_code'),
    lookupKey: text('lookup_key'),
    metadata: metadata(),
  },
  (t) => [uniqueIndex('products_lookup_key_uq').on(t.livemode, t.lookupKey), index('products_list_idx').on(t.livemode, t.createdAt, t.id)],
);

/** A tier as stored: `upTo` null is the unbounded last tier. */
export interface TierJson {
  upTo: number | null;
  unitAmount: number | null;
  unitAmountDecimal: string | null;
  flatAmount: number | null;
}

/** One entry of a price's `currency_options`, as stored. */
export interface CurrencyOptionJson {
  unitAmount: number | null;
  unitAmountDecimal: string | null;
  tiers: TierJson[] | null;
  taxBehavior: 'inclusive' | 'exclusive' | 'unspecified';
  minimumAmount: number | null;
}

export const prices = sqliteTable(
  'prices',
  {
    ...base,
    updatedAt: integer('updated_at').notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    active: integer('active', { mode: 'boolean' }).notNull(),
    currency: text('currency').notNull(),
    type: text('type', { enum: ['one_time', 'recurring'] }).notNull(),
    billingScheme: text('billing_scheme', { enum: ['per_unit', 'tiered'] }).notNull(),
    unitAmount: integer('unit_amount'),
    unitAmountDecimal: text('unit_amount_decimal'),
    tiersMode: text('tiers_mode', { enum: ['graduated', 'volume'] }),
    tiers: text('tiers', { mode: 'json' }).$type<TierJson[]>(),
    transformDivideBy: integer('transform_divide_by'),
    transformRound: text('transform_round', { enum: ['up', 'down'] }),
    recurringInterval: text('recurring_interval', { enum: ['day', 'week', 'month', 'year'] }),
    recurringIntervalCount: integer('recurring_interval_count'),
    recurringUsageType: text('recurring_usage_type', { enum: ['licensed', 'metered'] }),
    recurringAggregateUsage: text('recurring_aggregate_usage', { enum: ['sum', 'max', 'last', 'count_unique'] }),
    taxBehavior: text('tax_behavior', { enum: ['inclusive', 'exclusive', 'unspecified'] }).notNull(),
    currencyOptions: text('currency_options', { mode: 'json' }).$type<Record<string, CurrencyOptionJson>>().notNull(),
    minimumAmount: integer('minimum_amount'),
    trialPeriodDays: integer('trial_period_days'),
    taxCode: text('tax_code'),
    lookupKey: text('lookup_key'),
    nickname: text('nickname'),
    metadata: metadata(),
    /** Set the first time a subscription or invoice uses the price; from then on it is frozen. */
    usedAt: integer('used_at'),
  },
  (t) => [
    uniqueIndex('prices_lookup_key_uq').on(t.livemode, t.lookupKey),
    index('prices_list_idx').on(t.livemode, t.createdAt, t.id),
    index('prices_product_idx').on(t.productId),
  ],
);

export const coupons = sqliteTable(
  'coupons',
  {
    ...base,
    updatedAt: integer('updated_at').notNull(),
    name: text('name'),
    /** Decimal string, `"12.5"` = 12.5 %. */
    percentOff: text('percent_off'),
    amountOff: integer('amount_off'),
    currency: text('currency'),
    /** `{ USD: 600 }`: amount off in other currencies, minor units. */
    currencyOptions: text('currency_options', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    duration: text('duration', { enum: ['once', 'repeating', 'forever'] }).notNull(),
    durationInMonths: integer('duration_in_months'),
    appliesToProducts: text('applies_to_products', { mode: 'json' }).$type<string[]>(),
    maxRedemptions: integer('max_redemptions'),
    redeemBy: integer('redeem_by'),
    timesRedeemed: integer('times_redeemed').notNull().default(0),
    lookupKey: text('lookup_key'),
    metadata: metadata(),
    deletedAt: integer('deleted_at'),
  },
  (t) => [uniqueIndex('coupons_lookup_key_uq').on(t.livemode, t.lookupKey), index('coupons_list_idx').on(t.livemode, t.createdAt, t.id)],
);

export const customers = sqliteTable(
  'customers',
  {
    ...base,
    updatedAt: integer('updated_at').notNull(),
    email: text('email'),
    name: text('name'),
    phone: text('phone'),
    description: text('description'),
    addressLine1: text('address_line1'),
    addressLine2: text('address_line2'),
    addressCity: text('address_city'),
    addressState: text('address_state'),
    addressPostalCode: text('address_postal_code'),
    /** ISO 3166-1 alpha-2: the tax engine's first input. */
    addressCountry: text('address_country'),
    locale: text('locale'),
    preferredCurrency: text('preferred_currency'),
    /** `none`, `exempt`, or `reverse` (the customer accounts for the tax). */
    taxExempt: text('tax_exempt', { enum: ['none', 'exempt', 'reverse'] }).notNull().default('none'),
    /** Set in test mode: the customer lives at this test clock's time. */
    testClockId: text('test_clock_id'),
    defaultPaymentMethodId: text('default_payment_method_id'),
    metadata: metadata(),
    /** Soft delete: invoices and payments keep pointing at the row. */
    deletedAt: integer('deleted_at'),
  },
  (t) => [
    index('customers_list_idx').on(t.livemode, t.createdAt, t.id),
    // Lookups by email are case-insensitive (lower(email) = ?), in either mode (see db/in-mode.ts).
    index('customers_email_idx').on(sql`lower("email")`),
  ],
);

export const customerTaxIds = sqliteTable(
  'customer_tax_ids',
  {
    ...base,
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    type: text('type').notNull(),
    value: text('value').notNull(),
    country: text('country'),
    /** Online verification (VIES and similar): `pending` until checked, never blocking a checkout. */
    verificationStatus: text('verification_status', { enum: ['pending', 'verified', 'unverified'] }).notNull().default('pending'),
    verifiedName: text('verified_name'),
    nextCheckAt: integer('next_check_at'),
  },
  (t) => [
    uniqueIndex('customer_tax_ids_uq').on(t.customerId, t.type, t.value),
    // The recheck job's scan: pending ids whose next check has come.
    index('customer_tax_ids_due_idx').on(t.livemode, t.verificationStatus, t.nextCheckAt),
  ],
);

export const promotionCodes = sqliteTable(
  'promotion_codes',
  {
    ...base,
    updatedAt: integer('updated_at').notNull(),
    code: text('code').notNull(),
    /** Upper-cased `code`: codes match case-insensitively and are unique per mode. */
    codeKey: text('code_key').notNull(),
    couponId: text('coupon_id')
      .notNull()
      .references(() => coupons.id),
    active: integer('active', { mode: 'boolean' }).notNull(),
    customerId: text('customer_id').references(() => customers.id),
    expiresAt: integer('expires_at'),
    maxRedemptions: integer('max_redemptions'),
    timesRedeemed: integer('times_redeemed').notNull().default(0),
    firstTimeTransaction: integer('first_time_transaction', { mode: 'boolean' }).notNull(),
    minimumAmount: integer('minimum_amount'),
    minimumAmountCurrency: text('minimum_amount_currency'),
    metadata: metadata(),
  },
  (t) => [uniqueIndex('promotion_codes_code_uq').on(t.livemode, t.codeKey), index('promotion_codes_list_idx').on(t.livemode, t.createdAt, t.id)],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;
export type ProductRow = typeof products.$inferSelect;
export type PriceRow = typeof prices.$inferSelect;
export type CouponRow = typeof coupons.$inferSelect;
export type CustomerRow = typeof customers.$inferSelect;
export type CustomerTaxIdRow = typeof customerTaxIds.$inferSelect;
export type PromotionCodeRow = typeof promotionCodes.$inferSelect;
