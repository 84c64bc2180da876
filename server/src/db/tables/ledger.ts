/**
 * The double-entry ledger and the transactional outbox. Both are append-only and written in the
 * same transaction as the change they record.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { base } from './columns.js';

/**
 * One leg of a balanced journal entry. `amount` is signed: debit positive, credit negative; the
 * legs of one `journalId` sum to zero per currency. `entryKey` is unique, so posting the same
 * business event twice (a retried job) is a no-op.
 */
export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    ...base,
    journalId: text('journal_id').notNull(),
    entryKey: text('entry_key').notNull(),
    account: text('account', {
      enum: ['accounts_receivable', 'cash', 'deferred_revenue', 'revenue', 'tax_payable', 'customer_credit', 'refunds', 'bad_debt'],
    }).notNull(),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    customerId: text('customer_id'),
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    /** The business instant of the entry (a test clock's time in test mode). */
    effectiveAt: integer('effective_at').notNull(),
    description: text('description'),
  },
  (t) => [
    uniqueIndex('ledger_entries_key_uq').on(t.livemode, t.entryKey),
    index('ledger_entries_journal_idx').on(t.journalId),
    index('ledger_entries_account_idx').on(t.livemode, t.account, t.effectiveAt),
  ],
);

/** Events (the outbox): written with the state change, delivered by the webhook worker. */
export const events = sqliteTable(
  'events',
  {
    ...base,
    type: text('type').notNull(),
    /** The object as serialized at the time of the event. */
    data: text('data', { mode: 'json' }).$type<unknown>().notNull(),
    /** Stable source key (`invoice.paid:in_…`): the same business event never yields two events. */
    dedupeKey: text('dedupe_key').notNull(),
    /** Set once the fan-out to endpoints has created its deliveries. */
    dispatchedAt: integer('dispatched_at'),
  },
  (t) => [
    uniqueIndex('events_dedupe_uq').on(t.livemode, t.dedupeKey),
    index('events_list_idx').on(t.livemode, t.createdAt, t.id),
    // GET /v1/events?type=…: one type's events newest first, or a prefix's range of types.
    index('events_type_idx').on(t.livemode, t.type, t.createdAt, t.id),
    index('events_dispatch_idx').on(t.dispatchedAt),
  ],
);

export const webhookEndpoints = sqliteTable(
  'webhook_endpoints',
  {
    ...base,
    updatedAt: integer('updated_at').notNull(),
    url: text('url').notNull(),
    /** Event types, or `['*']`. */
    enabledEvents: text('enabled_events', { mode: 'json' }).$type<string[]>().notNull(),
    /** The signing secret `whsec_…`: needed in clear to sign, shown to the vendor once. */
    secret: text('secret').notNull(),
    description: text('description'),
    status: text('status', { enum: ['enabled', 'disabled'] }).notNull(),
    deletedAt: integer('deleted_at'),
  },
  (t) => [index('webhook_endpoints_list_idx').on(t.livemode, t.createdAt, t.id)],
);

export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    ...base,
    updatedAt: integer('updated_at').notNull(),
    eventId: text('event_id').notNull(),
    endpointId: text('endpoint_id').notNull(),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
    lastAttemptAt: integer('last_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    /** A claim by one worker until this instant, so two workers never send the same attempt. */
    lockedUntil: integer('locked_until'),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_uq').on(t.eventId, t.endpointId),
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

/** Emails: stored always (listable through the API), sent through SMTP when configured. */
export const emails = sqliteTable(
  'emails',
  {
    ...base,
    customerId: text('customer_id'),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    template: text('template').notNull(),
    locale: text('locale').notNull(),
    status: text('status', { enum: ['stored', 'queued', 'sent', 'failed'] }).notNull(),
    sentAt: integer('sent_at'),
    error: text('error'),
    /** One email per business event (`receipt:in_…`). */
    dedupeKey: text('dedupe_key').notNull(),
  },
  (t) => [uniqueIndex('emails_dedupe_uq').on(t.livemode, t.dedupeKey), index('emails_list_idx').on(t.livemode, t.createdAt, t.id)],
);
