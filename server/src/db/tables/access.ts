/**
 * Customer access and time: portal sessions and their tokens (only hashes stored), test clocks,
 * and metered usage events.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { base } from './columns.js';

/** Minted by the vendor's backend for one customer; its one-time code is exchanged for a token. */
export const portalSessions = sqliteTable(
  'portal_sessions',
  {
    ...base,
    customerId: text('customer_id').notNull(),
    /** SHA-256 of the one-time code; the code itself is returned once and never stored. */
    codeHash: text('code_hash').notNull(),
    returnUrl: text('return_url'),
    flow: text('flow'),
    locale: text('locale'),
    expiresAt: integer('expires_at').notNull(),
    exchangedAt: integer('exchanged_at'),
  },
  (t) => [uniqueIndex('portal_sessions_code_uq').on(t.codeHash), index('portal_sessions_customer_idx').on(t.customerId)],
);

/** Short-lived bearer tokens scoped to one customer. */
export const portalTokens = sqliteTable(
  'portal_tokens',
  {
    ...base,
    customerId: text('customer_id').notNull(),
    sessionId: text('session_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [uniqueIndex('portal_tokens_hash_uq').on(t.tokenHash)],
);

/** Test-mode clocks: customers attached to one live at its frozen time, which only moves forward. */
export const testClocks = sqliteTable(
  'test_clocks',
  {
    ...base,
    updatedAt: integer('updated_at').notNull(),
    name: text('name'),
    frozenTime: integer('frozen_time').notNull(),
    status: text('status', { enum: ['ready', 'advancing'] }).notNull(),
    deletedAt: integer('deleted_at'),
  },
  (t) => [index('test_clocks_list_idx').on(t.livemode, t.createdAt, t.id)],
);

/** Metered usage, idempotent by the vendor's event id. */
export const usageEvents = sqliteTable(
  'usage_events',
  {
    ...base,
    /** The vendor's id for the event; the same id twice is stored once. */
    eventId: text('event_id').notNull(),
    customerId: text('customer_id').notNull(),
    subscriptionId: text('subscription_id').notNull(),
    priceId: text('price_id').notNull(),
    quantity: integer('quantity').notNull(),
    /** For `count_unique` aggregation: the value counted. */
    value: text('value'),
    timestamp: integer('timestamp').notNull(),
  },
  (t) => [
    uniqueIndex('usage_events_event_uq').on(t.livemode, t.eventId),
    index('usage_events_period_idx').on(t.subscriptionId, t.priceId, t.timestamp),
  ],
);
