import * as z from 'zod/mini';

/** The kinds of error the API answers with, as in Stripe. */
export const errorTypes = [
  'invalid_request_error',
  'authentication_error',
  'permission_error',
  'idempotency_error',
  'rate_limit_error',
  'api_error',
  'card_error',
] as const;
export type ErrorType = (typeof errorTypes)[number];

/** The body of every error response: `{ error: { type, code, message, param } }`. */
export const ErrorEnvelope = z.strictObject({
  error: z.strictObject({
    type: z.enum(errorTypes),
    code: z.string(),
    message: z.string(),
    param: z.nullable(z.string()),
    request_id: z.optional(z.string()),
    /** For `card_error`: the issuer's reason, e.g. `insufficient_funds`. */
    decline_code: z.optional(z.string()),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
export type ErrorBody = ErrorEnvelope['error'];

/**
 * An error answered by the API (or a network failure, `type: 'api_error'`, `status: 0`).
 * `status` is the HTTP status; `type`, `code`, `param` come from the envelope.
 */
export class AbonaError extends Error {
  readonly status: number;
  readonly type: ErrorType;
  readonly code: string;
  readonly param: string | null;
  readonly requestId: string | undefined;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'AbonaError';
    this.status = status;
    this.type = body.type;
    this.code = body.code;
    this.param = body.param;
    this.requestId = body.request_id;
  }
}
