import * as z from 'zod/mini';
import { Id, Text, Timestamp } from './common/schemas.js';
import { ListParams } from './list/list.js';

/** `'*'` (every event) or one event type such as `invoice.paid`, `customer.subscription.updated`. */
export const EnabledEvent = z.string().check(z.regex(/^(\*|[a-z][a-z_]*(\.[a-z][a-z_]*)+)$/, 'must be "*" or an event type like "invoice.paid"'));

export const EnabledEvents = z.array(EnabledEvent).check(z.minLength(1), z.maxLength(100));

/** Where events are sent: https (http only to localhost in test mode; the server checks). */
export const WebhookUrl = z.string().check(z.minLength(1), z.maxLength(2048));

export const WebhookEndpointStatus = z.enum(['enabled', 'disabled']);
export type WebhookEndpointStatus = z.infer<typeof WebhookEndpointStatus>;

export const WebhookEndpointCreateParams = z.strictObject({
  url: WebhookUrl,
  enabled_events: EnabledEvents,
  description: z.optional(Text),
});
export type WebhookEndpointCreateParams = z.infer<typeof WebhookEndpointCreateParams>;

/** `POST /v1/webhook_endpoints/:id`: `status: 'disabled'` pauses deliveries without deleting. */
export const WebhookEndpointUpdateParams = z.strictObject({
  url: z.optional(WebhookUrl),
  enabled_events: z.optional(EnabledEvents),
  description: z.optional(z.nullable(Text)),
  status: z.optional(WebhookEndpointStatus),
});
export type WebhookEndpointUpdateParams = z.infer<typeof WebhookEndpointUpdateParams>;

export const WebhookEndpointListParams = ListParams;
export type WebhookEndpointListParams = z.infer<typeof WebhookEndpointListParams>;

export const WebhookEndpoint = z.strictObject({
  id: Id,
  object: z.literal('webhook_endpoint'),
  url: z.string(),
  enabled_events: z.array(z.string()),
  description: z.nullable(z.string()),
  status: WebhookEndpointStatus,
  /** The signing secret `whsec_…`: present only in the answer that created the endpoint. */
  secret: z.optional(z.string()),
  livemode: z.boolean(),
  created: Timestamp,
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/**
 * One event on its way to one endpoint: the delivery log. `attempts` counts sends so far;
 * `next_attempt_at` is set while `pending`.
 */
export const WebhookDelivery = z.strictObject({
  id: Id,
  object: z.literal('webhook_delivery'),
  event: Id,
  endpoint: Id,
  status: z.enum(['pending', 'succeeded', 'failed']),
  attempts: z.int(),
  next_attempt_at: z.nullable(Timestamp),
  last_attempt_at: z.nullable(Timestamp),
  last_status_code: z.nullable(z.int()),
  last_error: z.nullable(z.string()),
  livemode: z.boolean(),
  created: Timestamp,
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryListParams = z.extend(ListParams, {
  status: z.optional(z.enum(['pending', 'succeeded', 'failed'])),
});
export type WebhookDeliveryListParams = z.infer<typeof WebhookDeliveryListParams>;
