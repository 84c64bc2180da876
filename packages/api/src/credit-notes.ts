import * as z from 'zod/mini';
import { TaxAmountWire } from './billing/checkout.js';
import { Id } from './common/index.js';
import { ListParams } from './list/index.js';

/** `GET /v1/credit_notes`: newest first, optionally one customer's or one invoice's. */
export const CreditNoteListParams = z.extend(ListParams, {
  customer: z.optional(Id),
  invoice: z.optional(Id),
});
export type CreditNoteListParams = z.infer<typeof CreditNoteListParams>;

const IsoTime = z.string();
const Money = z.int();

/**
 * A credit note: money given back against a finalized invoice (Stripe-shaped). Amounts are
 * positive minor units; `credit_amount` went to the customer's credit balance and
 * `refund_amount` back to their payment method.
 */
export const CreditNoteWire = z.strictObject({
  id: z.string(),
  object: z.literal('credit_note'),
  number: z.string(),
  invoice: z.string(),
  customer: z.string(),
  currency: z.string(),
  reason: z.nullable(z.string()),
  subtotal: Money,
  tax: Money,
  total: Money,
  credit_amount: Money,
  refund_amount: Money,
  lines: z.array(z.strictObject({ invoice_line: z.string(), net_amount: Money })),
  tax_breakdown: z.array(TaxAmountWire),
  memo: z.nullable(z.string()),
  livemode: z.boolean(),
  created: IsoTime,
});
export type CreditNoteWire = z.infer<typeof CreditNoteWire>;
