import type { ApiTarget } from './request.js';
import { AbonaApiError } from './api-error.js';
import { errorFromEnvelope } from './error-from-envelope.js';

/**
 * Sends one request to the vendor's Abona server with the publishable key as a bearer token and
 * returns its JSON body. Does not check the key: callers do (`assertUsableKey`, or the pricing
 * table's own check), so a secret key never reaches this.
 *
 * @throws AbonaApiError of kind `network`, `api` or `invalid_response`; the `AbortError` of `signal` as is.
 */
export async function fetchJson<T>(target: Pick<ApiTarget, 'publishableKey'>, url: URL, init: { method: string; headers?: Record<string, string>; body?: string }, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { ...init.headers, Authorization: `Bearer ${target.publishableKey}`, Accept: 'application/json' },
      credentials: 'omit',
      signal: signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new AbonaApiError('network', 'network_error', `Could not reach ${url.origin}.`);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw errorFromEnvelope(body, response.status);
  if (body === undefined || body === null || typeof body !== 'object') {
    throw new AbonaApiError('invalid_response', 'invalid_response', `Expected JSON from ${url.pathname}.`, { status: response.status });
  }
  return body as T;
}
