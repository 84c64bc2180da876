import type { ApiTarget } from './request.js';
import { AbonaApiError } from './api-error.js';

/** Query values; arrays repeat the key, `undefined` is left out. */
export type Query = Record<string, string | number | undefined | readonly (string | number)[]>;

/** The URL of `path` on the Abona server at `apiBase` (resolved against the page), with `query`. */
export function apiUrl(apiBase: string, path: string, query: Query = {}): URL {
  const url = new URL(`${apiBase}${path}`, document.baseURI);
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
  }
  return url;
}

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

function errorFromEnvelope(body: unknown, status: number): AbonaApiError {
  const error = (body as { error?: { type?: unknown; code?: unknown; message?: unknown; param?: unknown; decline_code?: unknown } } | undefined)?.error;
  const code = typeof error?.code === 'string' ? error.code : typeof error?.type === 'string' ? error.type : `http_${status}`;
  const message = typeof error?.message === 'string' ? error.message : `Request failed with status ${status}.`;
  const options: { status: number; param?: string; declineCode?: string } = { status };
  if (typeof error?.param === 'string') options.param = error.param;
  if (typeof error?.decline_code === 'string') options.declineCode = error.decline_code;
  return new AbonaApiError('api', code, message, options);
}
