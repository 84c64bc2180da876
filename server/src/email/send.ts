import { loadSeller } from '../billing/seller.js';
import type { Db, Executor } from '../db/client.js';
import { randomIds, type IdGenerator } from '../ids/index.js';
import type { Mailer } from '../mailer/types.js';
import { claimEmail, finishEmail, insertEmailOnce, queuedEmailIds, type EmailRow } from './repository.js';
import { renderEmail, type TemplateName } from './templates/render.js';
import type { TemplateData } from './templates/types.js';

/** The customer fields an email needs; a `CustomerRow` fits. */
export interface EmailRecipient {
  id: string;
  email: string | null;
  name: string | null;
  locale: string | null;
}

export interface SendTemplateInput<T extends TemplateName> {
  livemode: boolean;
  customer: EmailRecipient;
  template: T;
  /** Overrides the customer's locale. */
  locale?: string | null;
  data: TemplateData[T];
  /** One email per business event: `receipt:pay_…`, `trial_ending:sub_…:<trial end>`. */
  dedupeKey: string;
  /** The business instant, epoch ms (a test clock's time in test mode). */
  atMs: number;
  ids?: IdGenerator;
  /** IANA zone for dates in the email (default UTC). */
  timeZone?: string;
}

export interface SendTemplateResult {
  /** The stored email (the earlier one when the dedupe key was already used). */
  email: EmailRow;
  created: boolean;
}

/**
 * Renders a lifecycle email in the customer's language and stores it, once per `dedupeKey`.
 * Pass the transaction of the change that causes it, so both commit together. With the store
 * transport the row is final (`stored`); with SMTP it is `queued` and sent after commit by
 * {@link deliverQueuedEmails} (the worker), never inside the transaction.
 * @returns `undefined` when the customer has no email address.
 */
export async function sendTemplate<T extends TemplateName>(ex: Executor, mailer: Mailer, input: SendTemplateInput<T>): Promise<SendTemplateResult | undefined> {
  if (!input.customer.email) return undefined;
  const seller = await loadSeller(ex, input.livemode);
  const row = emailRowOf(mailer, input, seller.name);
  if (!row) return undefined;
  const { row: email, created } = await insertEmailOnce(ex, row);
  return { email, created };
}

/**
 * The row {@link sendTemplate} stores, rendered for `sellerName` (the caller has the seller
 * already: the billing run stores a batch of emails at once). `undefined` without an address.
 */
export function emailRowOf<T extends TemplateName>(mailer: Mailer, input: SendTemplateInput<T>, sellerName: string): EmailRow | undefined {
  const to = input.customer.email;
  if (!to) return undefined;
  const rendered = renderEmail({
    template: input.template,
    locale: input.locale ?? input.customer.locale,
    data: input.data,
    recipientName: input.customer.name,
    sellerName,
    portalUrl: mailer.portalUrl,
    ...(input.timeZone ? { timeZone: input.timeZone } : {}),
  });
  return {
    id: (input.ids ?? randomIds).next('em'),
    livemode: input.livemode,
    createdAt: input.atMs,
    customerId: input.customer.id,
    to,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    template: input.template,
    locale: rendered.locale,
    status: mailer.delivers ? 'queued' : 'stored',
    sentAt: null,
    error: null,
    dedupeKey: input.dedupeKey,
  };
}

export interface DeliverEmailsOptions {
  /** Epoch ms. */
  now: number;
  limit?: number;
  /** How long a claim holds before another sender may take the email (default 2 min). */
  claimMs?: number;
}

/**
 * Sends queued emails through the mailer: each is claimed by one sender, then marked `sent`
 * or `failed` (with the transport's error). A no-op for the store transport.
 * @returns the emails this call finished.
 */
export async function deliverQueuedEmails(db: Db, mailer: Mailer, options: DeliverEmailsOptions): Promise<EmailRow[]> {
  if (!mailer.delivers) return [];
  const nowMs = options.now;
  const claimUntilMs = nowMs + (options.claimMs ?? 120_000);
  const finished: EmailRow[] = [];
  for (const id of await queuedEmailIds(db, nowMs, options.limit ?? 20)) {
    const email = await claimEmail(db, id, nowMs, claimUntilMs);
    if (!email) continue;
    let patch: Pick<EmailRow, 'status' | 'sentAt' | 'error'>;
    try {
      await mailer.send({ id: email.id, to: email.to, subject: email.subject, text: email.text, html: email.html });
      patch = { status: 'sent', sentAt: nowMs, error: null };
    } catch (error) {
      patch = { status: 'failed', sentAt: null, error: (error instanceof Error ? error.message : String(error)).slice(0, 500) };
    }
    if (await finishEmail(db, email.id, claimUntilMs, patch)) finished.push({ ...email, ...patch });
  }
  return finished;
}
