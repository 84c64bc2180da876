import { CouponCreateParams, CouponListParams, CouponUpdateParams } from '@abona/api';
import { Hono } from 'hono';
import type { Clock } from '../../clock/index.js';
import { readBody, readQuery } from '../../http/body.js';
import type { AppEnv } from '../../http/env.js';
import { toList } from '../../http/pagination.js';
import { toCoupon } from './serialize.js';
import type { CouponService } from './service.js';

/** `/v1/coupons`. */
export function couponRoutes(service: CouponService, clock: Clock) {
  const show = (row: Parameters<typeof toCoupon>[0]) => toCoupon(row, clock.now());
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const params = await readBody(c, CouponCreateParams);
      return c.json(show(await service.create(c.var.auth.livemode, params)));
    })
    .get('/', async (c) => {
      const params = readQuery(c, CouponListParams);
      return c.json(toList(await service.list(c.var.auth.livemode, params), '/v1/coupons', show));
    })
    .get('/:id', async (c) => c.json(show(await service.retrieve(c.var.auth.livemode, c.req.param('id')))))
    .post('/:id', async (c) => {
      const params = await readBody(c, CouponUpdateParams);
      return c.json(show(await service.update(c.var.auth.livemode, c.req.param('id'), params)));
    })
    .delete('/:id', async (c) => {
      const id = c.req.param('id');
      await service.remove(c.var.auth.livemode, id);
      return c.json({ id, object: 'coupon' as const, deleted: true as const });
    });
}
