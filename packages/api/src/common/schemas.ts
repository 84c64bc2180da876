import * as z from 'zod/mini';

/** An object id such as `prod_…`, `price_…`, `cus_…`. */
export const Id = z.string().check(z.minLength(1), z.maxLength(255));

/** Vendor key-value pairs: at most 50 keys, keys up to 40 characters, values up to 500. */
export const Metadata = z.record(z.string().check(z.minLength(1), z.maxLength(40)), z.string().check(z.maxLength(500))).check(
  z.refine((value) => Object.keys(value).length <= 50, { message: 'metadata can have at most 50 keys' }),
);
export type Metadata = z.infer<typeof Metadata>;

/**
 * An ISO 4217 currency code. Upper case on the wire (`"EUR"`), as `Intl` and the engine use it;
 * the server also accepts lower case (Stripe's habit) and answers in upper case.
 */
export const Currency = z.string().check(z.regex(/^[A-Za-z]{3}$/, 'must be a three-letter ISO 4217 currency code'));

/** An ISO-8601 UTC instant, the wire form of every timestamp (`"2025-01-31T00:00:00.000Z"`). */
export const Timestamp = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, 'must be an ISO-8601 date-time with an offset'));

/** A non-negative integer number of minor units (cents), never a float. */
export const AmountMinor = z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER));

/** A non-negative decimal string of minor units for fractional unit prices: `"0.35"`. */
export const DecimalString = z.string().check(z.regex(/^\d{1,15}(\.\d{1,20})?$/, 'must be a non-negative decimal string like "0.35"'));

/** A stable vendor handle for catalog objects, unique per mode: `"pro_monthly"`. */
export const LookupKey = z.string().check(z.regex(/^[A-Za-z0-9_.:-]{1,200}$/, 'may contain letters, digits, _ . : - (1 to 200 characters)'));

/** Short human text: names and nicknames. */
export const Name = z.string().check(z.minLength(1), z.maxLength(250));

/** Longer human text: descriptions. */
export const Text = z.string().check(z.maxLength(5000));
