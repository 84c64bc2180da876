import { EmptyParams, SubscriptionCancelParams, SubscriptionPauseParams } from '@abona/api';
import { Hono } from 'hono';
import type { Db } from '../../db/client.js';
import { readBody } from '../../http/body.js';
import type { AppEnv } from '../../http/env.js';
import type { LifecycleService } from '../../lifecycle/service.js';
import { toSubscription } from './serialize.js';
import type { SubscriptionRow } from './repository.js';
import { pricesOf } from './state.js';

/** Cancel, uncancel, pause and resume with the secret key, on `/v1/subscriptions/:id/…`. */
export function subscriptionCancelRoutes(db: Db, lifecycle: LifecycleService) {
  const answer = async (row: SubscriptionRow) => toSubscription(row, await pricesOf(db, row.livemode, [row]));
  return new Hono<AppEnv>()
    .post('/:id/cancel', async (c) => {
      const params = await readBody(c, SubscriptionCancelParams);
      return c.json(await answer(await lifecycle.cancellation.cancel({ livemode: c.var.auth.livemode }, c.req.param('id'), params)));
    })
    .post('/:id/uncancel', async (c) => {
      await readBody(c, EmptyParams);
      return c.json(await answer(await lifecycle.cancellation.uncancel({ livemode: c.var.auth.livemode }, c.req.param('id'))));
    })
    .post('/:id/pause', async (c) => {
      const params = await readBody(c, SubscriptionPauseParams);
      return c.json(await answer(await lifecycle.cancellation.pause({ livemode: c.var.auth.livemode }, c.req.param('id'), params)));
    })
    .post('/:id/resume', async (c) => {
      await readBody(c, EmptyParams);
      return c.json(await answer(await lifecycle.cancellation.resume({ livemode: c.var.auth.livemode }, c.req.param('id'))));
    });
}
