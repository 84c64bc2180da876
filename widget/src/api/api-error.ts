/**
 * Why a request failed, in terms the UI can act on:
 * - `configuration`: the page is set up wrong (secret, missing or malformed key); retrying won't help.
 * - `network`: the server could not be reached; retrying may help.
 * - `api`: the server answered with an error envelope.
 * - `invalid_response`: the server answered something that is not the contract.
 */
export type ApiErrorKind = 'configuration' | 'network' | 'api' | 'invalid_response';

/** A failed Abona API call, carrying the server's `{ error: { type, code, message, param } }`. */
export class AbonaApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly code: string;
  readonly status: number | undefined;
  readonly param: string | undefined;
  /** The gateway's reason for a card decline (`insufficient_funds`, `expired_card`…), on 402s. */
  readonly declineCode: string | undefined;

  constructor(kind: ApiErrorKind, code: string, message: string, options: { status?: number; param?: string; declineCode?: string } = {}) {
    super(message);
    this.name = 'AbonaApiError';
    this.kind = kind;
    this.code = code;
    this.status = options.status;
    this.param = options.param;
    this.declineCode = options.declineCode;
  }

  /** True when trying the same request again could succeed. */
  get retryable(): boolean {
    return this.kind === 'network' || (this.kind === 'api' && (this.status === undefined || this.status >= 500 || this.status === 429));
  }
}
