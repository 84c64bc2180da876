import { SubscriptionCreateParams, SubscriptionListParams } from '@abona/api';
import { Hono } from 'hono';
import { readBody, readQuery } from '../../http/body.js';
import type { AppEnv } from '../../http/env.js';
import { toSubscription } from './serialize.js';
import type { SubscriptionService } from './service.js';
import { registerSubscriptionRoutes } from '../../billing/openapi.js';

/** `/v1/subscriptions` (secret key). */
export function subscriptionRoutes(service: SubscriptionService) {
  registerSubscriptionRoutes();
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const params = await readBody(c, SubscriptionCreateParams);
      const { row, prices } = await service.create(c.var.auth.livemode, params);
      return c.json(toSubscription(row, prices));
    })
    .get('/', async (c) => {
      const params = readQuery(c, SubscriptionListParams);
      const { rows, hasMore, prices } = await service.list(c.var.auth.livemode, params);
      return c.json({
        object: 'list' as const,
        data: rows.map((row) => toSubscription(row, prices)),
        has_more: hasMore,
        url: '/v1/subscriptions',
      });
    })
    .get('/:id', async (c) => {
      const { row, prices } = await service.retrieve(c.var.auth.livemode, c.req.param('id'));
      return c.json(toSubscription(row, prices));
    });
}
