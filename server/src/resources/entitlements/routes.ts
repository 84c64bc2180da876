import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { toEntitlementList } from './serialize.js';
import type { EntitlementService } from './service.js';
import { registerRoutes } from '../../openapi/registry.js';
import { entitlementSpecs } from './openapi.js';

/** `GET /v1/customers/:id/entitlements` (secret key); mounted at `/v1/customers`. */
export function entitlementRoutes(service: EntitlementService) {
  registerRoutes(...entitlementSpecs);
  return new Hono<AppEnv>().get('/:id/entitlements', async (c) => {
    const id = c.req.param('id');
    const view = await service.forCustomer(c.var.auth.livemode, id);
    return c.json(toEntitlementList(view, `/v1/customers/${id}/entitlements`));
  });
}
