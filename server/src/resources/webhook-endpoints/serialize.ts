import type { WebhookEndpoint } from '@abona/api';
import { toIso } from '@abona/core';
import type { EndpointRow } from '../../webhooks/repository.js';

/** An endpoint as the API shows it; the secret only when `withSecret` (the create answer). */
export function toWebhookEndpoint(row: EndpointRow, withSecret = false): WebhookEndpoint {
  return {
    id: row.id,
    object: 'webhook_endpoint',
    url: row.url,
    enabled_events: row.enabledEvents,
    description: row.description,
    status: row.status,
    ...(withSecret ? { secret: row.secret } : {}),
    livemode: row.livemode,
    created: toIso(row.createdAt),
  };
}
