import { CoreError, InvariantError } from '@abona/core';
import type { ErrorBody } from '@abona/api';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../http/env.js';
import type { Logger } from '../http/log.js';
import { ApiError, PaymentFailed } from './index.js';

/** The status and envelope body of any thrown value. */
export function toErrorResponse(error: unknown): { status: ContentfulStatusCode; body: ErrorBody; headers: Record<string, string> } {
  if (error instanceof ApiError) {
    const body: ErrorBody = { type: error.type, code: error.code, message: error.message, param: error.param ?? null };
    if (error instanceof PaymentFailed && error.declineCode) body.decline_code = error.declineCode;
    return { status: error.status as ContentfulStatusCode, body, headers: error.headers };
  }
  // The engine's own mistakes are bugs; every other engine error is the caller's bad input.
  if (error instanceof CoreError && !(error instanceof InvariantError)) {
    const status = error.code === 'resource_missing' ? 404 : 400;
    return { status, body: { type: 'invalid_request_error', code: error.code, message: error.message, param: error.param ?? null }, headers: {} };
  }
  if (error instanceof HTTPException && error.status < 500) {
    const code = error.status === 413 ? 'request_too_large' : 'invalid_request';
    const message = error.status === 413 ? 'The request body is too large' : error.message || 'Invalid request';
    return { status: error.status, body: { type: 'invalid_request_error', code, message, param: null }, headers: {} };
  }
  return { status: 500, body: { type: 'api_error', code: 'internal_error', message: 'An internal error occurred', param: null }, headers: {} };
}

/**
 * The one place errors become HTTP: typed errors keep their status, a bad input is a 400 with
 * its `param`, anything else is a logged 500 that leaks nothing.
 */
export function createErrorHandler(log: Logger) {
  return (error: Error, c: Context<AppEnv>) => {
    const { status, body, headers } = toErrorResponse(error);
    const requestId = c.get('requestId');
    if (requestId) body.request_id = requestId;
    if (status >= 500) {
      log({ level: 'error', msg: 'unhandled error', request_id: requestId, error: error.name, message: error.message, stack: error.stack });
    }
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    return c.json({ error: body }, status);
  };
}
