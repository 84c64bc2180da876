import { toIso } from '@abona/core';
import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../../clock/index.js';
import type { AppEnv } from '../../http/env.js';
import type { Logger } from '../../http/log.js';
import type { IdGenerator } from '../../ids/index.js';

export interface RequestLoggerOptions {
  log: Logger;
  clock: Clock;
  ids: IdGenerator;
}

/**
 * Gives each request an id (`Request-Id` header, also in error bodies) and writes one JSON line
 * when it ends: method, path (no query string: it can hold emails), status, duration, mode and
 * key id. Never the key, a token or a body.
 */
export function requestLogger(options: RequestLoggerOptions): MiddlewareHandler<AppEnv> {
  const { log, clock, ids } = options;
  return async (c, next) => {
    const requestId = ids.next('req');
    c.set('requestId', requestId);
    const startedMs = performance.now();
    await next();
    c.res.headers.set('Request-Id', requestId);
    const auth = c.get('auth');
    log({
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      time: toIso(clock.now()),
      request_id: requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      duration_ms: Math.round((performance.now() - startedMs) * 10) / 10,
      ...(auth ? { livemode: auth.livemode, key_id: auth.keyId } : {}),
      ...(c.res.headers.get('Idempotent-Replayed') ? { idempotent_replayed: true } : {}),
    });
  };
}
