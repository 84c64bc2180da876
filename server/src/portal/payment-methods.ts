import { deletedOf, PaymentMethodAttachParams, PaymentMethodWire } from '@abona/api';
import { Hono } from 'hono';
import { readBody } from '../http/body.js';
import { registerRoutes, type RouteSpec } from '../openapi/registry.js';
import type { PaymentMethodService } from '../resources/payment-methods/service.js';
import type { PortalEnv } from './env.js';
import { toPortalPaymentMethod } from './serialize.js';

const tag = 'Portal';
/** Portal routes take `Authorization: Bearer <portal token>`, which is neither API key kind. */
const auth = 'none' as const;

const specs: RouteSpec[] = [
  { method: 'POST', path: '/v1/portal/payment_methods', summary: 'Add a payment method (a gateway token, or a test card in test mode); a new default pays open invoices', tag, auth, body: PaymentMethodAttachParams, response: PaymentMethodWire },
  { method: 'POST', path: '/v1/portal/payment_methods/:id/default', summary: 'Make one of their payment methods the default (pays open invoices)', tag, auth, response: PaymentMethodWire },
  { method: 'DELETE', path: '/v1/portal/payment_methods/:id', summary: 'Remove a payment method (not the last one of a live subscription)', tag, auth, response: deletedOf('payment_method') },
];

/**
 * The customer's payment-method changes in the portal (a `PortalExtension`), through the same
 * service as the secret-key routes: pass the app's `services.paymentMethods`, which is wrapped
 * by `lifecycle.withRecovery`, so a past-due customer's open invoices are charged when a new
 * default arrives. The customer is always the token's: another customer's method is a 404.
 */
export function portalPaymentMethodRoutes(service: PaymentMethodService): Hono<PortalEnv> {
  registerRoutes(...specs);
  return new Hono<PortalEnv>()
    .post('/payment_methods', async (c) => {
      const params = await readBody(c, PaymentMethodAttachParams);
      const { livemode, customerId } = c.var.portal;
      const { row, defaultId } = await service.attach(livemode, customerId, params);
      return c.json(toPortalPaymentMethod(row, defaultId));
    })
    .post('/payment_methods/:id/default', async (c) => {
      const { livemode, customerId } = c.var.portal;
      const { row, defaultId } = await service.setDefault(livemode, customerId, c.req.param('id'));
      return c.json(toPortalPaymentMethod(row, defaultId));
    })
    .delete('/payment_methods/:id', async (c) => {
      const id = c.req.param('id');
      const { livemode, customerId } = c.var.portal;
      await service.detach(livemode, customerId, id);
      return c.json({ id, object: 'payment_method' as const, deleted: true as const });
    });
}
