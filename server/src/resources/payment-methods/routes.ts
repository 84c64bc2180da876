import { PaymentMethodAttachParams, TokenizeParams } from '@abona/api';
import { Hono } from 'hono';
import { readBody } from '../../http/body.js';
import type { AppEnv } from '../../http/env.js';
import { toPaymentMethod } from './serialize.js';
import type { PaymentMethodService } from './service.js';
import { registerPaymentMethodRoutes } from '../../billing/openapi.js';

/** `/v1/customers/:id/payment_methods…` (secret key). Mounted at `/v1/customers` beside the customer routes. */
export function customerPaymentMethodRoutes(service: PaymentMethodService) {
  registerPaymentMethodRoutes();
  return new Hono<AppEnv>()
    .post('/:id/payment_methods', async (c) => {
      const params = await readBody(c, PaymentMethodAttachParams);
      const { row, defaultId } = await service.attach(c.var.auth.livemode, c.req.param('id'), params);
      return c.json(toPaymentMethod(row, defaultId));
    })
    .get('/:id/payment_methods', async (c) => {
      const { rows, defaultId } = await service.list(c.var.auth.livemode, c.req.param('id'));
      return c.json({
        object: 'list' as const,
        data: rows.map((row) => toPaymentMethod(row, defaultId)),
        has_more: false,
        url: `/v1/customers/${c.req.param('id')}/payment_methods`,
      });
    })
    .post('/:id/payment_methods/:pm/default', async (c) => {
      const { row, defaultId } = await service.setDefault(
        c.var.auth.livemode,
        c.req.param('id'),
        c.req.param('pm'),
      );
      return c.json(toPaymentMethod(row, defaultId));
    })
    .delete('/:id/payment_methods/:pm', async (c) => {
      const id = c.req.param('pm');
      await service.detach(c.var.auth.livemode, c.req.param('id'), id);
      return c.json({ id, object: 'payment_method' as const, deleted: true as const });
    });
}

/** `POST /v1/payment_methods/tokenize` (publishable key, test mode only). */
export function tokenizeRoutes(service: PaymentMethodService) {
  return new Hono<AppEnv>().post('/tokenize', async (c) => {
    const params = await readBody(c, TokenizeParams);
    return c.json(await service.tokenize(c.var.auth.livemode, params));
  });
}
