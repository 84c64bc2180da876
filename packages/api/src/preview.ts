import * as z from 'zod/mini';
import { Currency, Id, Timestamp } from './common/schemas.js';
import { TaxIdParams } from './customers/schemas.js';

const Quantity = z.int().check(z.gte(0), z.lte(1_000_000));

/** An item to price: a price id (or lookup key) and its quantity (default 1). */
export const PreviewItemParams = z.strictObject({
  price: Id,
  quantity: z.optional(Quantity),
});
export type PreviewItemParams = z.infer<typeof PreviewItemParams>;

/** Who the invoice is for, when no stored customer is given (or to override its address). */
export const PreviewCustomerDetailsParams = z.strictObject({
  address: z.strictObject({
    country: z.string().check(z.regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code like "RO"')),
    state: z.optional(z.string().check(z.regex(/^[A-Za-z0-9]{1,3}$/, 'must be an ISO 3166-2 subdivision code without prefix, like "NY"'))),
    postal_code: z.optional(z.string().check(z.maxLength(20))),
  }),
  business: z.optional(z.boolean()),
  tax_id: z.optional(TaxIdParams),
  tax_exempt: z.optional(z.enum(['none', 'exempt', 'reverse'])),
});
export type PreviewCustomerDetailsParams = z.infer<typeof PreviewCustomerDetailsParams>;

/**
 * `POST /v1/invoices/preview`: the exact invoice that would be billed, built by the same engine
 * path as the real one. Either `items` (a new purchase: first period of each recurring item), or
 * `subscription` with `subscription_items` (the complete new item set of a plan change).
 */
export const InvoicePreviewParams = z.strictObject({
  customer: z.optional(Id),
  customer_details: z.optional(PreviewCustomerDetailsParams),
  items: z.optional(z.array(PreviewItemParams).check(z.maxLength(20))),
  currency: z.optional(Currency),
  promotion_code: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  coupon: z.optional(Id),
  subscription: z.optional(Id),
  subscription_items: z.optional(z.array(PreviewItemParams).check(z.minLength(1), z.maxLength(20))),
  /** The instant to preview at; default now. */
  at: z.optional(Timestamp),
});
export type InvoicePreviewParams = z.infer<typeof InvoicePreviewParams>;

/** One tax on a line or in the breakdown. */
export const PreviewTax = z.strictObject({
  amount: z.int(),
  taxable_amount: z.int(),
  rate_percent: z.string(),
  type: z.string(),
  /** "TVA 21%", "USt. 19%". */
  label: z.string(),
  jurisdiction: z.string(),
  inclusive: z.boolean(),
  reverse_charge: z.boolean(),
});
export type PreviewTax = z.infer<typeof PreviewTax>;

export const PreviewLine = z.strictObject({
  object: z.literal('line_item'),
  kind: z.enum(['subscription', 'proration', 'usage', 'one_time', 'minimum']),
  description: z.string(),
  /** As priced, before discount (gross for tax-inclusive prices). */
  amount: z.int(),
  quantity: z.int(),
  price: z.nullable(z.string()),
  product: z.nullable(z.string()),
  period: z.nullable(z.strictObject({ start: Timestamp, end: Timestamp })),
  tax_behavior: z.enum(['inclusive', 'exclusive']),
  discount_amount: z.int(),
  net_amount: z.int(),
  taxes: z.array(PreviewTax),
  total_amount: z.int(),
});
export type PreviewLine = z.infer<typeof PreviewLine>;

/** What a plan-change preview decided, next to its invoice. */
export const PreviewPlanChange = z.strictObject({
  kind: z.enum(['upgrade', 'downgrade', 'seat_increase', 'seat_decrease', 'interval_change', 'lateral']),
  effective: z.enum(['now', 'period_end']),
  effective_at: Timestamp,
  /** True when the invoice is billed at once; false when it is the next renewal's. */
  invoice_now: z.boolean(),
  amount_due_now: z.int(),
});
export type PreviewPlanChange = z.infer<typeof PreviewPlanChange>;

/** The previewed invoice: nothing is stored. */
export const InvoicePreview = z.strictObject({
  object: z.literal('invoice_preview'),
  livemode: z.boolean(),
  currency: z.string(),
  customer: z.nullable(z.string()),
  subscription: z.nullable(z.string()),
  /** The instant the invoice is built for (tax rates, active discounts). */
  at: Timestamp,
  lines: z.array(PreviewLine),
  subtotal: z.int(),
  total_discount: z.int(),
  total_excluding_tax: z.int(),
  tax: z.int(),
  total: z.int(),
  credit_applied: z.int(),
  amount_due: z.int(),
  tax_breakdown: z.array(PreviewTax),
  discounts: z.array(z.strictObject({ coupon: z.string(), promotion_code: z.nullable(z.string()) })),
  notes: z.array(z.string()),
  reverse_charge: z.boolean(),
  plan_change: z.nullable(PreviewPlanChange),
});
export type InvoicePreview = z.infer<typeof InvoicePreview>;
