import { EventListParams, EventRedeliverParams } from '@abona/api';
import { Hono } from 'hono';
import { readBody, readQuery } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { toList } from '../http/pagination.js';
import { registerRoutes } from '../openapi/registry.js';
import type { EventService } from './events-service.js';
import { eventSpecs } from './openapi.js';
import { toDelivery, toEvent } from './serialize.js';

/** `/v1/events` (secret key only). */
export function eventRoutes(service: EventService) {
  registerRoutes(...eventSpecs);
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const params = readQuery(c, EventListParams);
      return c.json(toList(await service.list(c.var.auth.livemode, params), '/v1/events', toEvent));
    })
    .get('/:id', async (c) => c.json(toEvent(await service.retrieve(c.var.auth.livemode, c.req.param('id')))))
    .get('/:id/deliveries', async (c) => {
      const id = c.req.param('id');
      const rows = await service.deliveries(c.var.auth.livemode, id);
      return c.json(toList({ rows, hasMore: false }, `/v1/events/${id}/deliveries`, toDelivery));
    })
    .post('/:id/redeliver', async (c) => {
      const id = c.req.param('id');
      const params = await readBody(c, EventRedeliverParams);
      const rows = await service.redeliver(c.var.auth.livemode, id, params);
      return c.json(toList({ rows, hasMore: false }, `/v1/events/${id}/deliveries`, toDelivery));
    });
}
