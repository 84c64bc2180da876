import { PortalSessionCreateParams } from '@abona/api';
import { Hono } from 'hono';
import { readBody } from '../../http/body.js';
import type { AppEnv } from '../../http/env.js';
import { toPortalSession } from './serialize.js';
import type { PortalSessionService } from './service.js';
import { registerRoutes } from '../../openapi/registry.js';
import { portalSessionSpecs } from './openapi.js';

/** `/v1/portal_sessions` (secret key): the vendor's backend mints a session for one customer. */
export function portalSessionRoutes(service: PortalSessionService) {
  registerRoutes(...portalSessionSpecs);
  return new Hono<AppEnv>().post('/', async (c) => {
    const params = await readBody(c, PortalSessionCreateParams);
    return c.json(toPortalSession(await service.create(c.var.auth.livemode, params)));
  });
}
