import { createApp } from '../src/app.js';
import { manualClock } from '../src/clock/index.js';
import type { AppConfig } from '../src/config/index.js';
import { createDb, type DbHandle } from '../src/db/client.js';
import { silentLogger, type LogEntry } from '../src/http/log.js';
import { sequentialIds } from '../src/ids/index.js';
import { apiKeyRepository } from '../src/keys/repository.js';

export const SK_TEST = 'sk_test_secret_one';
export const PK_TEST = 'pk_test_public_one';
export const SK_LIVE = 'sk_live_secret_one';
export const PK_LIVE = 'pk_live_public_one';
/** 2025-01-15T12:00:00Z */
export const START_MS = Date.UTC(2025, 0, 15, 12);
export const ORIGIN = 'https://shop.example.com';

export interface CallOptions {
  key?: string | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/**
 * A fresh app on a fresh database, with test and live keys, a manual clock and sequential ids.
 * In memory unless `databaseUrl` names a file (the server's own read and write connections on a
 * file, as `npm start` runs it).
 */
export async function setup(config: Partial<AppConfig> = {}, databaseUrl = ':memory:') {
  const handle: DbHandle = await createDb(databaseUrl);
  const clock = manualClock(START_MS);
  const ids = sequentialIds();
  const keys = apiKeyRepository(handle.db, ids);
  for (const key of [SK_TEST, PK_TEST, SK_LIVE, PK_LIVE]) await keys.ensure(key, START_MS);
  const logs: LogEntry[] = [];
  const app = createApp({
    db: handle.db,
    clock,
    ids,
    config: { allowedOrigins: [ORIGIN], rateLimit: { max: 1_000_000, windowMs: 1000 }, ...config },
    log: (entry) => {
      logs.push(entry);
      silentLogger(entry);
    },
  });

  /** Calls the app like a client would; `key: null` sends no Authorization header. */
  async function call(method: string, path: string, options: CallOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    const key = options.key === undefined ? SK_TEST : options.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    return app.request(path, { method, headers, ...(body === undefined ? {} : { body }) });
  }

  /** Calls and parses JSON, failing loudly on an unexpected status. */
  async function json<T = Record<string, unknown>>(method: string, path: string, options: CallOptions = {}, status = 200): Promise<T> {
    const res = await call(method, path, options);
    const text = await res.text();
    if (res.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  }

  return { app, db: handle.db, client: handle.client, clock, ids, logs, call, json, close: handle.close };
}
export type Harness = Awaited<ReturnType<typeof setup>>;

/** A minimal product, then a monthly EUR price on it. */
export async function createPlan(h: Harness, options: { key?: string; lookupKey?: string } = {}) {
  const product = await h.json<{ id: string }>('POST', '/v1/products', { key: options.key, body: { name: 'Pro' } });
  const price = await h.json<{ id: string }>('POST', '/v1/prices', {
    key: options.key,
    body: { product: product.id, currency: 'EUR', unit_amount: 2900, recurring: { interval: 'month' }, ...(options.lookupKey ? { lookup_key: options.lookupKey } : {}) },
  });
  return { product, price };
}
