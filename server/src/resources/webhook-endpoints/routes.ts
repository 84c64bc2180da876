import {
  WebhookDeliveryListParams,
  WebhookEndpointCreateParams,
  WebhookEndpointListParams,
  WebhookEndpointUpdateParams,
} from '@abona/api';
import { Hono } from 'hono';
import { readBody, readQuery } from '../../http/body.js';
import type { AppEnv } from '../../http/env.js';
import { toList } from '../../http/pagination.js';
import { registerRoutes } from '../../openapi/registry.js';
import { toDelivery } from '../../webhooks/serialize.js';
import { webhookEndpointSpecs } from './openapi.js';
import { toWebhookEndpoint } from './serialize.js';
import type { WebhookEndpointService } from './service.js';

/** `/v1/webhook_endpoints` (secret key only). */
export function webhookEndpointRoutes(service: WebhookEndpointService) {
  registerRoutes(...webhookEndpointSpecs);
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const params = await readBody(c, WebhookEndpointCreateParams);
      return c.json(toWebhookEndpoint(await service.create(c.var.auth.livemode, params), true));
    })
    .get('/', async (c) => {
      const params = readQuery(c, WebhookEndpointListParams);
      return c.json(
        toList(await service.list(c.var.auth.livemode, params), '/v1/webhook_endpoints', (row) =>
          toWebhookEndpoint(row),
        ),
      );
    })
    .get('/:id', async (c) =>
      c.json(toWebhookEndpoint(await service.retrieve(c.var.auth.livemode, c.req.param('id')))),
    )
    .post('/:id', async (c) => {
      const params = await readBody(c, WebhookEndpointUpdateParams);
      return c.json(toWebhookEndpoint(await service.update(c.var.auth.livemode, c.req.param('id'), params)));
    })
    .delete('/:id', async (c) => {
      const id = c.req.param('id');
      await service.remove(c.var.auth.livemode, id);
      return c.json({ id, object: 'webhook_endpoint' as const, deleted: true as const });
    })
    .get('/:id/deliveries', async (c) => {
      const id = c.req.param('id');
      const params = readQuery(c, WebhookDeliveryListParams);
      return c.json(
        toList(
          await service.deliveries(c.var.auth.livemode, id, params),
          `/v1/webhook_endpoints/${id}/deliveries`,
          toDelivery,
        ),
      );
    });
}
