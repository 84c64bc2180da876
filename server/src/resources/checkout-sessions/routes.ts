import {
  CheckoutSessionCompleteActionParams,
  CheckoutSessionConfirmParams,
  CheckoutSessionCreateParams,
  CheckoutSessionUpdateParams,
} from '@abona/api';
import { Hono } from 'hono';
import type { Clock } from '../../clock/index.js';
import { readBody } from '../../http/body.js';
import type { AppEnv } from '../../http/env.js';
import { rateLimit } from '../../middleware/rate-limit/index.js';
import type { CheckoutConfirmation } from './confirm.js';
import { toCheckoutSession } from './serialize.js';
import type { CheckoutSessionService } from './service.js';
import { registerCheckoutRoutes } from '../../billing/openapi.js';

/** Confirmations allowed per session and minute: enough for retries, too few for card testing. */
export const CONFIRM_RATE_LIMIT = { max: 60, windowMs: 60_000 };

/** `/v1/checkout_sessions` (publishable keys allowed). */
export function checkoutSessionRoutes(
  service: CheckoutSessionService,
  confirmation: CheckoutConfirmation,
  clock: Clock,
) {
  registerCheckoutRoutes();
  const confirmLimit = rateLimit({
    clock,
    ...CONFIRM_RATE_LIMIT,
    keyOf: (c) => `checkout-confirm ${c.var.auth.livemode} ${c.req.param('id') ?? ''}`,
  });
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const params = await readBody(c, CheckoutSessionCreateParams);
      return c.json(toCheckoutSession(await service.create(c.var.auth.livemode, params)));
    })
    .get('/:id', async (c) =>
      c.json(toCheckoutSession(await service.retrieve(c.var.auth.livemode, c.req.param('id')))),
    )
    .post('/:id', async (c) => {
      const params = await readBody(c, CheckoutSessionUpdateParams);
      return c.json(toCheckoutSession(await service.update(c.var.auth.livemode, c.req.param('id'), params)));
    })
    .post('/:id/confirm', confirmLimit, async (c) => {
      const params = await readBody(c, CheckoutSessionConfirmParams);
      return c.json(
        toCheckoutSession(
          await confirmation.confirm(c.var.auth.livemode, c.req.param('id'), params.payment_method),
        ),
      );
    })
    .post('/:id/complete_action', confirmLimit, async (c) => {
      const params = await readBody(c, CheckoutSessionCompleteActionParams);
      return c.json(
        toCheckoutSession(await confirmation.completeAction(c.var.auth.livemode, c.req.param('id'), params)),
      );
    });
}
