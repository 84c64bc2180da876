import { toIso } from '@abona/core';
import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../../clock/index.js';
import type { AppEnv } from '../../http/env.js';
import { silentLogger, type LogEntry, type Logger } from '../../http/log.js';
import type { IdGenerator } from '../../ids/index.js';

export interface RequestLoggerOptions {
  log: Logger;
  clock: Clock;
  ids: IdGenerator;
}

/**
 * Gives each request an id (`Request-Id` header, also in error bodies) and writes one JSON line
 * when it ends: method, path (no query string: it can hold emails), status, duration, mode and
 * key id. Never the key, a token or a body. With {@link silentLogger} no entry is built.
 */
export function requestLogger(options: RequestLoggerOptions): MiddlewareHandler<AppEnv> {
  const { log, clock, ids } = options;
  const silent = log === silentLogger;
  return async (c, next) => {
    const requestId = ids.next('req');
    c.set('requestId', requestId);
    const startedMs = silent ? 0 : performance.now();
    await next();
    const headers = c.res.headers;
    headers.set('Request-Id', requestId);
    if (silent) return;
    const auth = c.get('auth');
    const status = c.res.status;
    const entry: LogEntry = {
      level: status >= 500 ? 'error' : 'info',
      msg: 'request',
      time: toIso(clock.now()),
      request_id: requestId,
      method: c.req.method,
      path: c.req.path,
      status,
      duration_ms: Math.round((performance.now() - startedMs) * 10) / 10,
    };
    if (auth) {
      entry.livemode = auth.livemode;
      entry.key_id = auth.keyId;
    }
    if (headers.get('Idempotent-Replayed')) entry.idempotent_replayed = true;
    log(entry);
  };
}
