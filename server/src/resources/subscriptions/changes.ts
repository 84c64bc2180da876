import { SubscriptionChangeParams, SubscriptionCompleteChangeParams, SubscriptionPreviewChangeParams } from '@abona/api';
import { Hono } from 'hono';
import { lifecycleSpecs } from '../../lifecycle/openapi.js';
import { registerRoutes } from '../../openapi/registry.js';
import type { Db } from '../../db/client.js';
import { readBody } from '../../http/body.js';
import type { AppEnv } from '../../http/env.js';
import type { LifecycleService } from '../../lifecycle/service.js';
import { toUpcomingInvoice } from '../../lifecycle/upcoming.js';
import type { UsageService } from '../usage/service.js';
import { toSubscriptionUsage } from '../usage/serialize.js';
import { toChangePreview, toChangeResult } from './change-serialize.js';
import { toSubscription } from './serialize.js';
import { pricesOf } from './state.js';

/**
 * Plan changes with the secret key, mounted on `/v1/subscriptions` next to the base routes:
 * `POST /:id` (change), `POST /:id/preview_change`, `POST /:id/complete_change`,
 * `DELETE /:id/scheduled_change` (keep the current plan), `GET /:id/usage`.
 */
export function subscriptionChangeRoutes(db: Db, lifecycle: LifecycleService, usage: UsageService) {
  registerRoutes(...lifecycleSpecs);
  return new Hono<AppEnv>()
    .post('/:id/preview_change', async (c) => {
      const params = await readBody(c, SubscriptionPreviewChangeParams);
      const { preview } = await lifecycle.changes.preview({ livemode: c.var.auth.livemode }, c.req.param('id'), params);
      return c.json(toChangePreview(preview));
    })
    .post('/:id/complete_change', async (c) => {
      const params = await readBody(c, SubscriptionCompleteChangeParams);
      const outcome = await lifecycle.changes.completeChange({ livemode: c.var.auth.livemode }, c.req.param('id'), params);
      return c.json(toChangeResult(outcome, await pricesOf(db, outcome.row.livemode, [outcome.row])));
    })
    .delete('/:id/scheduled_change', async (c) => {
      const row = await lifecycle.changes.unschedule({ livemode: c.var.auth.livemode }, c.req.param('id'));
      return c.json(toSubscription(row, await pricesOf(db, row.livemode, [row])));
    })
    .get('/:id/upcoming_invoice', async (c) => c.json(toUpcomingInvoice(await lifecycle.upcoming({ livemode: c.var.auth.livemode }, c.req.param('id')))))
    .get('/:id/usage', async (c) => c.json(toSubscriptionUsage(await usage.current({ livemode: c.var.auth.livemode }, c.req.param('id')))))
    .post('/:id', async (c) => {
      const params = await readBody(c, SubscriptionChangeParams);
      const outcome = await lifecycle.changes.change({ livemode: c.var.auth.livemode }, c.req.param('id'), params);
      return c.json(toChangeResult(outcome, await pricesOf(db, outcome.row.livemode, [outcome.row])));
    });
}
