import { AbonaApiError } from '../api/api-error.js';

/**
 * Why `GET /v1/pricing` gave the table no pricing, as the shared send path would say it
 * (`fetchJson` in api/fetch-json.ts, kept equal by load-failure.test.ts): no answer (network),
 * the server's error envelope (api), an answer that is not JSON, or, the table's own check, JSON
 * that is not a pricing response (invalid_response). Part of the extras chunk: the pricing store
 * reads only good answers itself.
 *
 * @param response The answer, or `undefined` when the request never got one.
 * @param body Its parsed JSON body, or `undefined` when it had none.
 */
export function loadFailure(url: URL, response: Response | undefined, body: unknown): AbonaApiError {
  if (!response) return new AbonaApiError('network', 'network_error', `Could not reach ${url.origin}.`);
  const { status } = response;
  if (!response.ok) {
    const error = (body as { error?: { type?: unknown; code?: unknown; message?: unknown; param?: unknown; decline_code?: unknown } } | undefined)?.error;
    const code = typeof error?.code === 'string' ? error.code : typeof error?.type === 'string' ? error.type : `http_${status}`;
    const message = typeof error?.message === 'string' ? error.message : `Request failed with status ${status}.`;
    const options: { status: number; param?: string; declineCode?: string } = { status };
    if (typeof error?.param === 'string') options.param = error.param;
    if (typeof error?.decline_code === 'string') options.declineCode = error.decline_code;
    return new AbonaApiError('api', code, message, options);
  }
  if (body === undefined || body === null || typeof body !== 'object') {
    return new AbonaApiError('invalid_response', 'invalid_response', `Expected JSON from ${url.pathname}.`, { status });
  }
  return new AbonaApiError('invalid_response', 'invalid_response', 'The pricing response does not match the contract.');
}
