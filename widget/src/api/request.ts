import type { KeyKind, KeySource } from '../config/key.js';
import { apiUrl, type Query } from './api-url.js';
import { fetchJson } from './fetch-json.js';
import { keyError } from './key-error.js';

/** Where and as whom to call the API. */
export interface ApiTarget {
  apiBase: string;
  publishableKey: string;
  keyKind: KeyKind;
  /** Where the key was set, for the error message to name the setting to fix (see key-error.ts). */
  keySource: KeySource;
}

export type { Query } from './api-url.js';

/**
 * GETs a JSON resource from the vendor's Abona server with the publishable key as a bearer
 * token. Refuses (without any network traffic) to run with anything but a publishable key, so a
 * secret key pasted into a page is never sent anywhere.
 *
 * @throws AbonaApiError of kind `configuration`, `network`, `api` or `invalid_response`.
 */
export async function apiGet<T>(target: ApiTarget, path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
  assertUsableKey(target);
  return fetchJson<T>(target, apiUrl(target.apiBase, path, query), { method: 'GET' }, signal);
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
  return fetchJson<T>(target, apiUrl(target.apiBase, path), { method: 'POST', headers, body: JSON.stringify(body) }, options.signal);
}

/** @throws AbonaApiError of kind `configuration` unless the key is a publishable one. */
export function assertUsableKey(target: Pick<ApiTarget, 'keyKind' | 'keySource'>): void {
  const error = keyError(target);
  if (error) throw error;
}
