import type { Email } from '@abona/api';
import { toIso } from '@abona/core';
import type { EmailRow } from '../../email/repository.js';

/** An email as the API shows it. `sent_at` only once sent (while queued it holds a claim). */
export function toEmail(row: EmailRow): Email {
  return {
    id: row.id,
    object: 'email',
    customer: row.customerId,
    to: row.to,
    subject: row.subject,
    text: row.text,
    html: row.html,
    template: row.template,
    locale: row.locale,
    status: row.status,
    sent_at: row.status === 'sent' && row.sentAt !== null ? toIso(row.sentAt) : null,
    error: row.error,
    livemode: row.livemode,
    created: toIso(row.createdAt),
  };
}
