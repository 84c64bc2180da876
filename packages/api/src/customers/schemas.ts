import * as z from 'zod/mini';
import { Currency, Id, Metadata, Name, Text, Timestamp } from '../common/schemas.js';
import { ListParams } from '../list/list.js';

const Line = z.string().check(z.maxLength(200));

export const AddressParams = z.strictObject({
  line1: z.optional(z.nullable(Line)),
  line2: z.optional(z.nullable(Line)),
  city: z.optional(z.nullable(Line)),
  state: z.optional(z.nullable(Line)),
  postal_code: z.optional(z.nullable(z.string().check(z.maxLength(20)))),
  /** ISO 3166-1 alpha-2, upper case: the tax engine keys on it. */
  country: z.optional(z.nullable(z.string().check(z.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code like "RO"')))),
});
export type AddressParams = z.infer<typeof AddressParams>;

export const Address = z.strictObject({
  line1: z.nullable(z.string()),
  line2: z.nullable(z.string()),
  city: z.nullable(z.string()),
  state: z.nullable(z.string()),
  postal_code: z.nullable(z.string()),
  country: z.nullable(z.string()),
});
export type Address = z.infer<typeof Address>;

/** A tax id as Stripe types it: `eu_vat`, `gb_vat`, `us_ein`, `ro_tin`… */
export const TaxIdParams = z.strictObject({
  type: z.string().check(z.regex(/^[a-z]{2}_[a-z_]{2,20}$/, 'must be a tax id type like "eu_vat"')),
  value: z.string().check(z.minLength(1), z.maxLength(64)),
});
export type TaxIdParams = z.infer<typeof TaxIdParams>;

export const TaxId = z.strictObject({
  id: Id,
  object: z.literal('tax_id'),
  type: z.string(),
  value: z.string(),
  /** Derived from the value's prefix for EU VAT numbers (`RO123` → `RO`), else null. */
  country: z.nullable(z.string()),
});
export type TaxId = z.infer<typeof TaxId>;

/** BCP 47 language tag for invoices, emails and the portal: `en`, `ro`, `en-GB`. */
const Locale = z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag like "en" or "ro-RO"'));

export const Customer = z.strictObject({
  id: Id,
  object: z.literal('customer'),
  email: z.nullable(z.string()),
  name: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  description: z.nullable(z.string()),
  address: z.nullable(Address),
  tax_ids: z.array(TaxId),
  locale: z.nullable(z.string()),
  preferred_currency: z.nullable(z.string()),
  metadata: z.record(z.string(), z.string()),
  /** The test clock the customer lives by (test mode), or null. */
  test_clock: z.nullable(z.string()),
  livemode: z.boolean(),
  created: Timestamp,
});
export type Customer = z.infer<typeof Customer>;

const Email = z.string().check(z.maxLength(512), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address'));
const Phone = z.string().check(z.maxLength(30));

export const CustomerCreateParams = z.strictObject({
  email: z.optional(Email),
  name: z.optional(Name),
  phone: z.optional(Phone),
  description: z.optional(Text),
  address: z.optional(AddressParams),
  tax_ids: z.optional(z.array(TaxIdParams).check(z.maxLength(25))),
  locale: z.optional(Locale),
  preferred_currency: z.optional(Currency),
  metadata: z.optional(Metadata),
  /** Test mode only: attach the customer to this test clock (`tc_…`); fixed for life. */
  test_clock: z.optional(Id),
});
export type CustomerCreateParams = z.infer<typeof CustomerCreateParams>;

/** `POST /v1/customers/:id`: `null` clears a field; `tax_ids` replaces the whole list. */
export const CustomerUpdateParams = z.strictObject({
  email: z.optional(z.nullable(Email)),
  name: z.optional(z.nullable(Name)),
  phone: z.optional(z.nullable(Phone)),
  description: z.optional(z.nullable(Text)),
  address: z.optional(z.nullable(AddressParams)),
  tax_ids: z.optional(z.array(TaxIdParams).check(z.maxLength(25))),
  locale: z.optional(z.nullable(Locale)),
  preferred_currency: z.optional(z.nullable(Currency)),
  metadata: z.optional(Metadata),
});
export type CustomerUpdateParams = z.infer<typeof CustomerUpdateParams>;

export const CustomerListParams = z.extend(ListParams, {
  email: z.optional(z.string()),
});
export type CustomerListParams = z.infer<typeof CustomerListParams>;
