import * as z from 'zod/mini';

/* Wire shapes of the portal's "Pay now" on an open invoice. */
const Id = z.string().check(z.minLength(1), z.maxLength(255));

/** `POST /v1/portal/invoices/:id/pay`: one of the customer's methods, or their default. */
export const PortalInvoicePayParams = z.strictObject({ payment_method: z.optional(Id) });
export type PortalInvoicePayParams = z.infer<typeof PortalInvoicePayParams>;

/** `POST /v1/portal/invoices/:id/complete_payment`: the 3-D Secure challenge finished. */
export const PortalInvoiceCompletePaymentParams = z.strictObject({
  action_id: Id,
  /** Sandbox only: how the challenge ended (default `complete`). */
  outcome: z.optional(z.enum(['complete', 'fail'])),
});
export type PortalInvoiceCompletePaymentParams = z.infer<typeof PortalInvoiceCompletePaymentParams>;

/**
 * What "Pay now" answers: `paid` (the invoice is paid, now or by an earlier click),
 * `requires_action` (finish `next_action` with `complete_payment`), or `processing` (a debit
 * that settles later). A decline is a 402 `card_error` with `decline_code` instead.
 */
export const PortalInvoicePayment = z.object({
  object: z.literal('invoice_payment'),
  status: z.enum(['paid', 'requires_action', 'processing']),
  invoice: z.object({ id: Id, object: z.literal('invoice'), status: z.string(), amount_remaining: z.number() }),
  next_action: z.nullable(z.strictObject({ type: z.literal('three_d_secure'), action_id: Id, client_secret: z.string() })),
});
export type PortalInvoicePayment = z.infer<typeof PortalInvoicePayment>;
