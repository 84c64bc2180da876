import { EmptyParams, SubscriptionCancelParams, SubscriptionChangeParams, SubscriptionCompleteChangeParams, SubscriptionPauseParams, SubscriptionPreviewChangeParams } from '@abona/api';
import { Hono } from 'hono';
import { portalLifecycleSpecs } from '../lifecycle/openapi.js';
import { registerRoutes } from '../openapi/registry.js';
import type { Db } from '../db/client.js';
import { readBody } from '../http/body.js';
import type { LifecycleService } from '../lifecycle/service.js';
import { toUpcomingInvoice } from '../lifecycle/upcoming.js';
import { toChangePreview, toChangeResult } from '../resources/subscriptions/change-serialize.js';
import type { ChangeOutcome } from '../lifecycle/changes.js';
import { toPortalSubscription } from './serialize.js';
import type { SubscriptionRow } from '../resources/subscriptions/repository.js';
import { pricesOf } from '../resources/subscriptions/state.js';
import { toSubscriptionUsage } from '../resources/usage/serialize.js';
import type { UsageService } from '../resources/usage/service.js';
import type { PortalEnv } from './env.js';

/**
 * The customer's own lifecycle actions in the portal (a `PortalExtension`): change plan (on
 * session, 3-D Secure aware), preview it, keep the current plan, cancel (as the vendor's
 * settings allow), uncancel, pause, resume, accept the retention offer, read usage. Every call
 * is scoped to the token's customer: another customer's subscription is a 404.
 */
export function portalLifecycleRoutes(db: Db, lifecycle: LifecycleService, usage: UsageService): Hono<PortalEnv> {
  // The portal's own view: the vendor's metadata and cancellation notes stay out.
  const answer = async (row: SubscriptionRow) => toPortalSubscription(row, await pricesOf(db, row.livemode, [row]));
  const changed = async (outcome: ChangeOutcome) => {
    const prices = await pricesOf(db, outcome.row.livemode, [outcome.row]);
    return { ...toChangeResult(outcome, prices), subscription: toPortalSubscription(outcome.row, prices) };
  };
  const actor = (portal: { livemode: boolean; customerId: string }) => ({ livemode: portal.livemode, customerId: portal.customerId });
  registerRoutes(...portalLifecycleSpecs);
  return new Hono<PortalEnv>()
    .post('/subscriptions/:id/preview_change', async (c) => {
      const params = await readBody(c, SubscriptionPreviewChangeParams);
      const { preview } = await lifecycle.changes.preview(actor(c.var.portal), c.req.param('id'), params);
      return c.json(toChangePreview(preview));
    })
    .post('/subscriptions/:id/change', async (c) => {
      const params = await readBody(c, SubscriptionChangeParams);
      const outcome = await lifecycle.changes.change(actor(c.var.portal), c.req.param('id'), params);
      return c.json(await changed(outcome));
    })
    .post('/subscriptions/:id/complete_change', async (c) => {
      const params = await readBody(c, SubscriptionCompleteChangeParams);
      const outcome = await lifecycle.changes.completeChange(actor(c.var.portal), c.req.param('id'), params);
      return c.json(await changed(outcome));
    })
    .delete('/subscriptions/:id/scheduled_change', async (c) => c.json(await answer(await lifecycle.changes.unschedule(actor(c.var.portal), c.req.param('id')))))
    .post('/subscriptions/:id/cancel', async (c) => {
      const params = await readBody(c, SubscriptionCancelParams);
      return c.json(await answer(await lifecycle.cancellation.cancel(actor(c.var.portal), c.req.param('id'), params)));
    })
    .post('/subscriptions/:id/uncancel', async (c) => {
      await readBody(c, EmptyParams);
      return c.json(await answer(await lifecycle.cancellation.uncancel(actor(c.var.portal), c.req.param('id'))));
    })
    .post('/subscriptions/:id/pause', async (c) => {
      const params = await readBody(c, SubscriptionPauseParams);
      return c.json(await answer(await lifecycle.cancellation.pause(actor(c.var.portal), c.req.param('id'), params)));
    })
    .post('/subscriptions/:id/resume', async (c) => {
      await readBody(c, EmptyParams);
      return c.json(await answer(await lifecycle.cancellation.resume(actor(c.var.portal), c.req.param('id'))));
    })
    .post('/subscriptions/:id/accept_offer', async (c) => {
      await readBody(c, EmptyParams);
      return c.json(await answer(await lifecycle.cancellation.acceptOffer(actor(c.var.portal), c.req.param('id'))));
    })
    .get('/subscriptions/:id/upcoming_invoice', async (c) => c.json(toUpcomingInvoice(await lifecycle.upcoming(actor(c.var.portal), c.req.param('id')))))
    .get('/subscriptions/:id/usage', async (c) => c.json(toSubscriptionUsage(await usage.current(actor(c.var.portal), c.req.param('id')))));
}
