import { UsageEventsParams } from '@abona/api';
import { Hono } from 'hono';
import { readBody } from '../../http/body.js';
import type { AppEnv } from '../../http/env.js';
import type { UsageService } from './service.js';

/** `POST /v1/usage_events` (secret key): one event or `{ events: [...] }` (≤ 1,000, all or nothing). */
export function usageEventRoutes(service: UsageService) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const params = await readBody(c, UsageEventsParams);
    return c.json(await service.record(c.var.auth.livemode, params));
  });
}
