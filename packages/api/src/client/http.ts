import { AbonaError, type ErrorBody } from '../errors/envelope.js';

/** The `fetch` the client calls: the global one by default, any compatible one in tests. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface RequestOptions {
  /** Sent as `Idempotency-Key` on POST: a retry with the same key replays the first answer. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface Transport {
  request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, options?: RequestOptions): Promise<T>;
}

type QueryValue = string | number | boolean | readonly string[] | undefined;

/** `{ limit: 3, lookup_keys: ['a', 'b'] }` → `?limit=3&lookup_keys=a&lookup_keys=b` (undefined skipped). */
export function toQuery(params: Readonly<Record<string, QueryValue>> | undefined): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) search.append(key, String(item));
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function isErrorBody(value: unknown): value is { error: ErrorBody } {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

/** A JSON-over-HTTP transport with Bearer auth that turns every failure into an {@link AbonaError}. */
export function createTransport(apiBase: string, key: string, fetchImpl: FetchLike): Transport {
  const base = apiBase.replace(/\/+$/, '');
  return {
    async request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, options: RequestOptions = {}) {
      const headers: Record<string, string> = { authorization: `Bearer ${key}`, accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
      const init: RequestInit = { method, headers };
      if (body !== undefined) init.body = JSON.stringify(body);
      if (options.signal) init.signal = options.signal;
      let response: Response;
      try {
        response = await fetchImpl(`${base}${path}`, init);
      } catch (cause) {
        // Aborts stay aborts: the caller asked for them.
        if (cause instanceof Error && cause.name === 'AbortError') throw cause;
        throw new AbonaError(0, {
          type: 'api_error',
          code: 'network_error',
          message: cause instanceof Error ? cause.message : 'Network request failed',
          param: null,
        });
      }
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      if (response.ok && parsed !== undefined) return parsed as T;
      if (isErrorBody(parsed)) throw new AbonaError(response.status, parsed.error);
      throw new AbonaError(response.status, {
        type: 'api_error',
        code: 'unexpected_response',
        message: `Unexpected ${response.status} response from ${method} ${path}`,
        param: null,
      });
    },
  };
}
