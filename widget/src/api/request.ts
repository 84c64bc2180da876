import type { KeyKind } from '../config/key.js';
import { AbonaApiError } from './api-error.js';

/** Where and as whom to call the API. */
export interface ApiTarget {
  apiBase: string;
  publishableKey: string;
  keyKind: KeyKind;
  /** Names the setting to fix in the error message (e.g. "the publishable-key attribute"). */
  keySource: string;
}

/** Query values; arrays repeat the key, `undefined` is left out. */
export type Query = Record<string, string | number | undefined | readonly (string | number)[]>;

/**
 * GETs a JSON resource from the vendor's Abona server with the publishable key as a bearer
 * token. Refuses (without any network traffic) to run with anything but a publishable key, so a
 * secret key pasted into a page is never sent anywhere.
 *
 * @throws AbonaApiError of kind `configuration`, `network`, `api` or `invalid_response`.
 */
export async function apiGet<T>(target: ApiTarget, path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
  assertUsableKey(target);
  const url = new URL(`${target.apiBase}${path}`, document.baseURI);
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
  }
  return send<T>(target, url, { method: 'GET' }, signal);
}

/**
 * POSTs a JSON body (checkout sessions, confirmations) with the publishable key. An
 * `idempotencyKey` makes the server answer a repeated request with the first answer instead of
 * acting twice.
 *
 * @throws AbonaApiError of kind `configuration`, `network`, `api` or `invalid_response`.
 */
export async function apiPost<T>(target: ApiTarget, path: string, body: unknown, options: { idempotencyKey?: string; signal?: AbortSignal } = {}): Promise<T> {
  assertUsableKey(target);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  return send<T>(target, new URL(`${target.apiBase}${path}`, document.baseURI), { method: 'POST', headers, body: JSON.stringify(body) }, options.signal);
}

async function send<T>(target: ApiTarget, url: URL, init: { method: string; headers?: Record<string, string>; body?: string }, signal?: AbortSignal): Promise<T> {
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

/** @throws AbonaApiError of kind `configuration` unless the key is a publishable one. */
export function assertUsableKey(target: Pick<ApiTarget, 'keyKind' | 'keySource'>): void {
  switch (target.keyKind) {
    case 'publishable':
      return;
    case 'secret':
      throw new AbonaApiError(
        'configuration',
        'secret_key_in_browser',
        `Abona: a secret key (sk_…) was given in ${target.keySource}. Secret keys must never be used in a browser; use your publishable key (pk_…) and roll the exposed secret key.`,
        { param: 'publishable-key' },
      );
    case 'missing':
      throw new AbonaApiError('configuration', 'missing_publishable_key', `Abona: no publishable key. Set ${target.keySource} to your pk_… key.`, {
        param: 'publishable-key',
      });
    case 'malformed':
      throw new AbonaApiError('configuration', 'invalid_publishable_key', `Abona: ${target.keySource} is not a publishable key (pk_test_… or pk_live_…).`, {
        param: 'publishable-key',
      });
  }
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
