import { AbonaApiError } from '../api/api-error.js';
import { errorFromEnvelope } from '../api/error-from-envelope.js';

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
  if (!response.ok) return errorFromEnvelope(body, status);
  if (body === undefined || body === null || typeof body !== 'object') {
    return new AbonaApiError('invalid_response', 'invalid_response', `Expected JSON from ${url.pathname}.`, { status });
  }
  return new AbonaApiError('invalid_response', 'invalid_response', 'The pricing response does not match the contract.');
}
