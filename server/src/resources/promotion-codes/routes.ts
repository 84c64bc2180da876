import { PromotionCodeCreateParams, PromotionCodeListParams, PromotionCodeUpdateParams } from '@abona/api';
import { Hono } from 'hono';
import type { Clock } from '../../clock/index.js';
import { readBody, readQuery } from '../../http/body.js';
import type { AppEnv } from '../../http/env.js';
import { toList } from '../../http/pagination.js';
import { toPromotionCode, type PromotionCodeView } from './serialize.js';
import type { PromotionCodeService } from './service.js';

/** `/v1/promotion_codes`. */
export function promotionCodeRoutes(service: PromotionCodeService, clock: Clock) {
  const show = (view: PromotionCodeView) => toPromotionCode(view, clock.now());
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const params = await readBody(c, PromotionCodeCreateParams);
      return c.json(show(await service.create(c.var.auth.livemode, params)));
    })
    .get('/', async (c) => {
      const params = readQuery(c, PromotionCodeListParams);
      return c.json(toList(await service.list(c.var.auth.livemode, params), '/v1/promotion_codes', show));
    })
    .get('/:id', async (c) => c.json(show(await service.retrieve(c.var.auth.livemode, c.req.param('id')))))
    .post('/:id', async (c) => {
      const params = await readBody(c, PromotionCodeUpdateParams);
      return c.json(show(await service.update(c.var.auth.livemode, c.req.param('id'), params)));
    });
}
