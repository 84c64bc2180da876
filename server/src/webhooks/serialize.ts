import type { EventObject, WebhookDelivery } from '@abona/api';
import { toIso } from '@abona/core';
import type { events, webhookDeliveries } from '../db/schema.js';

export type EventRow = typeof events.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

/** `recordEvent` stores Stripe's `data` (`{ object, previous_attributes? }`); a bare object is wrapped. */
function eventData(data: unknown): EventObject['data'] {
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && Object.hasOwn(data, 'object')) return data as EventObject['data'];
  return { object: data };
}

/** An event as the API shows it and webhooks deliver it: the same JSON on every retry. */
export function toEvent(row: EventRow): EventObject {
  return { id: row.id, object: 'event', type: row.type, created: toIso(row.createdAt), livemode: row.livemode, data: eventData(row.data) };
}

/** One line of the delivery log. */
export function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    object: 'webhook_delivery',
    event: row.eventId,
    endpoint: row.endpointId,
    status: row.status,
    attempts: row.attempts,
    next_attempt_at: row.nextAttemptAt === null ? null : toIso(row.nextAttemptAt),
    last_attempt_at: row.lastAttemptAt === null ? null : toIso(row.lastAttemptAt),
    last_status_code: row.lastStatusCode,
    last_error: row.lastError,
    livemode: row.livemode,
    created: toIso(row.createdAt),
  };
}
