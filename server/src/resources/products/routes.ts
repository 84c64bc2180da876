import { ProductCreateParams, ProductListParams, ProductUpdateParams } from '@abona/api';
import { Hono } from 'hono';
import { readBody, readQuery } from '../../http/body.js';
import type { AppEnv } from '../../http/env.js';
import { toList } from '../../http/pagination.js';
import { toProduct } from './serialize.js';
import type { ProductService } from './service.js';

/** `/v1/products`: parse, call the service, serialize. */
export function productRoutes(service: ProductService) {
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const params = await readBody(c, ProductCreateParams);
      return c.json(toProduct(await service.create(c.var.auth.livemode, params)));
    })
    .get('/', async (c) => {
      const params = readQuery(c, ProductListParams);
      return c.json(toList(await service.list(c.var.auth.livemode, params), '/v1/products', toProduct));
    })
    .get('/:id', async (c) => c.json(toProduct(await service.retrieve(c.var.auth.livemode, c.req.param('id')))))
    .post('/:id', async (c) => {
      const params = await readBody(c, ProductUpdateParams);
      return c.json(toProduct(await service.update(c.var.auth.livemode, c.req.param('id'), params)));
    })
    .delete('/:id', async (c) => {
      const id = c.req.param('id');
      await service.remove(c.var.auth.livemode, id);
      return c.json({ id, object: 'product' as const, deleted: true as const });
    });
}
