import { TestClockAdvanceParams, TestClockCreateParams, TestClockListParams } from '@abona/api';
import { Hono } from 'hono';
import { readBody, readQuery } from '../../http/body.js';
import type { AppEnv } from '../../http/env.js';
import { toList } from '../../http/pagination.js';
import { toTestClock } from './serialize.js';
import { assertTestMode, type TestClockService } from './service.js';
import { registerRoutes } from '../../openapi/registry.js';
import { testClockSpecs } from './openapi.js';

/** `/v1/test_helpers/test_clocks` (secret test key only). */
export function testClockRoutes(service: TestClockService) {
  registerRoutes(...testClockSpecs);
  return new Hono<AppEnv>()
    .use('*', async (c, next) => {
      // Refuse live keys before reading anything, with one clear message for every route.
      assertTestMode(c.var.auth.livemode);
      await next();
    })
    .post('/', async (c) => {
      const params = await readBody(c, TestClockCreateParams);
      return c.json(toTestClock(await service.create(c.var.auth.livemode, params)));
    })
    .get('/', async (c) => {
      const params = readQuery(c, TestClockListParams);
      return c.json(
        toList(await service.list(c.var.auth.livemode, params), '/v1/test_helpers/test_clocks', toTestClock),
      );
    })
    .get('/:id', async (c) =>
      c.json(toTestClock(await service.retrieve(c.var.auth.livemode, c.req.param('id')))),
    )
    .delete('/:id', async (c) => {
      const id = c.req.param('id');
      await service.remove(c.var.auth.livemode, id);
      return c.json({ id, object: 'test_clock' as const, deleted: true as const });
    })
    .post('/:id/advance', async (c) => {
      const params = await readBody(c, TestClockAdvanceParams);
      return c.json(toTestClock(await service.advance(c.var.auth.livemode, c.req.param('id'), params)));
    });
}
