import { CustomerCreateParams, CustomerListParams, CustomerUpdateParams } from '@abona/api';
import { Hono } from 'hono';
import { readBody, readQuery } from '../../http/body.js';
import type { AppEnv } from '../../http/env.js';
import { toList } from '../../http/pagination.js';
import { toCustomer } from './serialize.js';
import type { CustomerService } from './service.js';

/** `/v1/customers`. */
export function customerRoutes(service: CustomerService) {
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const params = await readBody(c, CustomerCreateParams);
      return c.json(toCustomer(await service.create(c.var.auth.livemode, params)));
    })
    .get('/', async (c) => {
      const params = readQuery(c, CustomerListParams);
      return c.json(toList(await service.list(c.var.auth.livemode, params), '/v1/customers', toCustomer));
    })
    .get('/:id', async (c) => c.json(toCustomer(await service.retrieve(c.var.auth.livemode, c.req.param('id')))))
    .post('/:id', async (c) => {
      const params = await readBody(c, CustomerUpdateParams);
      return c.json(toCustomer(await service.update(c.var.auth.livemode, c.req.param('id'), params)));
    })
    .delete('/:id', async (c) => {
      const id = c.req.param('id');
      await service.remove(c.var.auth.livemode, id);
      return c.json({ id, object: 'customer' as const, deleted: true as const });
    });
}
