import { PriceCreateParams, PriceListParams, PriceUpdateParams } from '@abona/api';
import { Hono } from 'hono';
import { readBody, readQuery } from '../../http/body.js';
import type { AppEnv } from '../../http/env.js';
import { toList } from '../../http/pagination.js';
import { toPrice } from './serialize.js';
import type { PriceService } from './service.js';

/** `/v1/prices`: no delete, as in Stripe: archive with `active: false`. */
export function priceRoutes(service: PriceService) {
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const params = await readBody(c, PriceCreateParams);
      return c.json(toPrice(await service.create(c.var.auth.livemode, params)));
    })
    .get('/', async (c) => {
      const params = readQuery(c, PriceListParams, { arrays: ['lookup_keys'] });
      return c.json(toList(await service.list(c.var.auth.livemode, params), '/v1/prices', toPrice));
    })
    .get('/:id', async (c) => c.json(toPrice(await service.retrieve(c.var.auth.livemode, c.req.param('id')))))
    .post('/:id', async (c) => {
      const params = await readBody(c, PriceUpdateParams);
      return c.json(toPrice(await service.update(c.var.auth.livemode, c.req.param('id'), params)));
    });
}
