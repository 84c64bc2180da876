import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../../errors/index.js';

/**
 * Refuses request bodies over `maxBytes` with a 413 `request_too_large`.
 *
 * `hono/body-limit` reads `c.req.raw.body`, which makes the Node adapter build a full web
 * `Request` (with a stream) for every request, GETs included. Here GET and HEAD (which carry no
 * body) pass straight through and a declared `Content-Length` is trusted (Node's parser never
 * reads past it); only chunked bodies are counted by Hono's middleware.
 *
 * @example app.use('/v1/*', requestBodyLimit(1024 * 1024))
 */
export function requestBodyLimit(maxBytes: number): MiddlewareHandler {
  const tooLarge = (): never => {
    throw new ApiError(
      413,
      'invalid_request_error',
      'request_too_large',
      `The request body is larger than ${maxBytes} bytes`,
    );
  };
  const counted = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && /^\d+$/.test(length) && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > maxBytes) tooLarge();
      return next();
    }
    return counted(c, next);
  };
}
