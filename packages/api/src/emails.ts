import * as z from 'zod/mini';
import { Id, Timestamp } from './common/schemas.js';
import { ListParams } from './list/list.js';

/** The lifecycle emails Abona writes. */
export const emailTemplates = ['receipt', 'invoice', 'payment_failed', 'trial_ending', 'upcoming_renewal', 'cancellation_confirmed'] as const;
export const EmailTemplate = z.enum(emailTemplates);
export type EmailTemplate = z.infer<typeof EmailTemplate>;

/**
 * An email as stored. `status`: `stored` (kept, no SMTP configured), `queued` (waiting for the
 * SMTP transport), `sent`, `failed` (with `error`).
 */
export const Email = z.strictObject({
  id: Id,
  object: z.literal('email'),
  customer: z.nullable(z.string()),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  template: z.string(),
  locale: z.string(),
  status: z.enum(['stored', 'queued', 'sent', 'failed']),
  sent_at: z.nullable(Timestamp),
  error: z.nullable(z.string()),
  livemode: z.boolean(),
  created: Timestamp,
});
export type Email = z.infer<typeof Email>;

export const EmailListParams = z.extend(ListParams, {
  customer: z.optional(Id),
  template: z.optional(EmailTemplate),
});
export type EmailListParams = z.infer<typeof EmailListParams>;
