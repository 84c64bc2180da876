import * as z from 'zod/mini';
import { Id, Timestamp } from './common/schemas.js';
import { ListParams } from './list/list.js';

/** An event type: `invoice.paid`, `customer.subscription.updated`. */
export const EventType = z.string().check(z.regex(/^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/, 'must be an event type like "invoice.paid"'));

/**
 * Something that happened, as webhooks deliver it and `GET /v1/events/:id` shows it.
 * `data.object` is the object as serialized when it happened.
 */
export const EventObject = z.strictObject({
  id: Id,
  object: z.literal('event'),
  type: z.string(),
  created: Timestamp,
  livemode: z.boolean(),
  /** `previous_attributes`: on `*.updated` events, the changed fields' former values. */
  data: z.strictObject({ object: z.unknown(), previous_attributes: z.optional(z.record(z.string(), z.unknown())) }),
});
export type EventObject = z.infer<typeof EventObject>;

/** `type` is an exact type, or a prefix wildcard such as `invoice.*`. */
export const EventListParams = z.extend(ListParams, {
  type: z.optional(z.string().check(z.regex(/^[a-z][a-z_]*(\.[a-z][a-z_]*)*(\.\*)?$/, 'must be an event type like "invoice.paid" or a prefix like "invoice.*"'))),
});
export type EventListParams = z.infer<typeof EventListParams>;

/** `POST /v1/events/:id/redeliver`: to one endpoint, or (without it) to every endpoint it went to. */
export const EventRedeliverParams = z.strictObject({
  endpoint: z.optional(Id),
});
export type EventRedeliverParams = z.infer<typeof EventRedeliverParams>;
