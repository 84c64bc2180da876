import type { ErrorType } from '@abona/api';

/**
 * A failure the API answers with a status and the error envelope. Services throw these (or
 * core's `InvalidInputError`); the one `onError` handler turns them into responses.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly type: ErrorType;
  readonly code: string;
  readonly param: string | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, type: ErrorType, code: string, message: string, param?: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
    this.headers = headers;
  }
}

/** 404: no such object in this mode. */
export class NotFound extends ApiError {
  constructor(object: string, id: string, param = 'id') {
    super(404, 'invalid_request_error', 'resource_missing', `No such ${object}: '${id}'`, param);
    this.name = 'NotFound';
  }
}

/** 400: the request is malformed or a parameter is wrong (`param` names it). */
export class InvalidRequest extends ApiError {
  constructor(message: string, param?: string, code = 'parameter_invalid') {
    super(400, 'invalid_request_error', code, message, param);
    this.name = 'InvalidRequest';
  }
}

/** 409: the request is fine but conflicts with the object's state. */
export class Conflict extends ApiError {
  constructor(message: string, code = 'state_conflict', param?: string) {
    super(409, 'invalid_request_error', code, message, param);
    this.name = 'Conflict';
  }
}

/** 401: no key, or an unknown or revoked one. */
export class Unauthorized extends ApiError {
  constructor(message = 'Invalid API key provided', code = 'api_key_invalid') {
    super(401, 'authentication_error', code, message);
    this.name = 'Unauthorized';
  }
}

/** 403: a valid key that may not do this (a publishable key on a secret route). */
export class Forbidden extends ApiError {
  constructor(message: string, code = 'permission_denied') {
    super(403, 'permission_error', code, message);
    this.name = 'Forbidden';
  }
}

/** 400 (different request under one key) or 409 (the first one is still running). */
export class IdempotencyError extends ApiError {
  constructor(status: 400 | 409, code: string, message: string) {
    super(status, 'idempotency_error', code, message, status === 400 ? 'Idempotency-Key' : undefined);
    this.name = 'IdempotencyError';
  }
}

/** 429 with `Retry-After`. */
export class RateLimited extends ApiError {
  constructor(retryAfterSeconds: number) {
    super(429, 'rate_limit_error', 'rate_limit', 'Too many requests; retry later', undefined, { 'retry-after': String(retryAfterSeconds) });
    this.name = 'RateLimited';
  }
}

/** 402: the payment was declined (a result the client shows, not a bug). */
export class PaymentFailed extends ApiError {
  readonly declineCode: string | undefined;
  constructor(message: string, code = 'card_declined', declineCode?: string) {
    super(402, 'card_error', code, message);
    this.name = 'PaymentFailed';
    this.declineCode = declineCode;
  }
}

/** 500: our own data broke an invariant. A bug, logged loudly, never shown in detail. */
export class InvariantBroken extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantBroken';
  }
}
