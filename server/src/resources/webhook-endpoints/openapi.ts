import { deletedOf, listOf, WebhookDelivery, WebhookDeliveryListParams, WebhookEndpoint, WebhookEndpointCreateParams, WebhookEndpointListParams, WebhookEndpointUpdateParams } from '@abona/api';
import type { RouteSpec } from '../../openapi/registry.js';

const tag = 'Webhooks';

/** `/v1/webhook_endpoints` in the OpenAPI document. */
export const webhookEndpointSpecs: RouteSpec[] = [
  { method: 'POST', path: '/v1/webhook_endpoints', summary: 'Create a webhook endpoint (answers its signing secret, once)', tag, auth: 'secret', body: WebhookEndpointCreateParams, response: WebhookEndpoint },
  { method: 'GET', path: '/v1/webhook_endpoints', summary: 'List webhook endpoints', tag, auth: 'secret', query: WebhookEndpointListParams, response: listOf(WebhookEndpoint) },
  { method: 'GET', path: '/v1/webhook_endpoints/:id', summary: 'Retrieve a webhook endpoint', tag, auth: 'secret', response: WebhookEndpoint },
  { method: 'POST', path: '/v1/webhook_endpoints/:id', summary: 'Update a webhook endpoint (url, events, enable or disable)', tag, auth: 'secret', body: WebhookEndpointUpdateParams, response: WebhookEndpoint },
  { method: 'DELETE', path: '/v1/webhook_endpoints/:id', summary: 'Delete a webhook endpoint', tag, auth: 'secret', response: deletedOf('webhook_endpoint') },
  {
    method: 'GET',
    path: '/v1/webhook_endpoints/:id/deliveries',
    summary: 'The delivery log of an endpoint: attempts, last status, next attempt',
    tag,
    auth: 'secret',
    query: WebhookDeliveryListParams,
    response: listOf(WebhookDelivery),
  },
];
