import { EmailListParams } from '@abona/api';
import { Hono } from 'hono';
import { readQuery } from '../../http/body.js';
import type { AppEnv } from '../../http/env.js';
import { toList } from '../../http/pagination.js';
import { registerRoutes } from '../../openapi/registry.js';
import { emailSpecs } from './openapi.js';
import { toEmail } from './serialize.js';
import type { EmailService } from './service.js';

/** `/v1/emails` (secret key only): what was sent, or would have been with SMTP configured. */
export function emailRoutes(service: EmailService) {
  registerRoutes(...emailSpecs);
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const params = readQuery(c, EmailListParams);
      return c.json(toList(await service.list(c.var.auth.livemode, params), '/v1/emails', toEmail));
    })
    .get('/:id', async (c) => c.json(toEmail(await service.retrieve(c.var.auth.livemode, c.req.param('id')))));
}
