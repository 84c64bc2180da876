import { EventListParams, EventObject, EventRedeliverParams, listOf, WebhookDelivery } from '@abona/api';
import type { RouteSpec } from '../openapi/registry.js';

const tag = 'Webhooks';

/** `/v1/events` in the OpenAPI document. */
export const eventSpecs: RouteSpec[] = [
  { method: 'GET', path: '/v1/events', summary: 'List events (filter by type, or a prefix such as invoice.*)', tag, auth: 'secret', query: EventListParams, response: listOf(EventObject) },
  { method: 'GET', path: '/v1/events/:id', summary: 'Retrieve an event, as webhooks deliver it', tag, auth: 'secret', response: EventObject },
  { method: 'GET', path: '/v1/events/:id/deliveries', summary: 'The deliveries of an event', tag, auth: 'secret', response: listOf(WebhookDelivery) },
  { method: 'POST', path: '/v1/events/:id/redeliver', summary: 'Send an event again (same id), to one endpoint or all it went to', tag, auth: 'secret', body: EventRedeliverParams, response: listOf(WebhookDelivery) },
];
