import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import type { ErrorEnvelope } from '@abona/api';
import { apiKeys } from '../src/db/schema.js';
import { jsonLogger, silentLogger } from '../src/http/log.js';
import { createApp } from '../src/app.js';
import { createKeyCache, keyCacheFor } from '../src/keys/cache.js';
import { hashKey } from '../src/keys/index.js';
import { ORIGIN, PK_TEST, setup, SK_TEST, type Harness } from './helpers.js';
import { eq } from 'drizzle-orm';

let h: Harness;
beforeEach(async () => {
  h = await setup();
});

describe('API key cache', () => {
  it('keeps a key for its TTL, then asks again; invalidation is immediate', () => {
    let now = 0;
    const cache = createKeyCache(1000, () => now);
    const row = {
      id: 'key_1',
      livemode: false,
      kind: 'secret' as const,
      keyHash: 'h',
      name: null,
      createdAt: 0,
      revokedAt: null,
    };
    cache.set('h', row);
    now = 999;
    expect(cache.get('h')).toBe(row);
    now = 1000; // 0 + 1000 ms: expired
    expect(cache.get('h')).toBeUndefined();
    cache.set('h', row);
    cache.invalidate('h');
    expect(cache.get('h')).toBeUndefined();
  });

  it('a revocation written by another process is honoured once the entry expires', async () => {
    expect((await h.call('GET', '/v1/customers')).status).toBe(200);
    // As the CLI would: straight to the table, not through this process's repository.
    await h.db
      .update(apiKeys)
      .set({ revokedAt: 1 })
      .where(eq(apiKeys.keyHash, hashKey(SK_TEST)));
    expect((await h.call('GET', '/v1/customers')).status).toBe(200); // still cached
    keyCacheFor(h.db).invalidate(); // what the TTL does after 10 s
    expect((await h.call('GET', '/v1/customers')).status).toBe(401);
  });

  it('never caches an unknown key, so a key stored later works at once', async () => {
    const key = 'sk_test_created_later';
    expect((await h.call('GET', '/v1/customers', { key })).status).toBe(401);
    await h.db
      .insert(apiKeys)
      .values({
        id: 'key_later',
        livemode: false,
        kind: 'secret',
        keyHash: hashKey(key),
        name: null,
        createdAt: 0,
        revokedAt: null,
      });
    expect((await h.call('GET', '/v1/customers', { key })).status).toBe(200);
  });

  it('two apps on two databases never share keys', async () => {
    const other = await setup();
    await h.call('GET', '/v1/customers');
    await other.db
      .update(apiKeys)
      .set({ revokedAt: 1 })
      .where(eq(apiKeys.keyHash, hashKey(SK_TEST)));
    expect((await other.call('GET', '/v1/customers')).status).toBe(401);
    expect((await h.call('GET', '/v1/customers')).status).toBe(200);
  });
});

describe('body limit', () => {
  it('refuses a declared Content-Length over the limit, and a chunked body over it, with 413', async () => {
    const small = await setup({ maxBodyBytes: 100 });
    const declared = await small.call('POST', '/v1/products', {
      rawBody: '{}',
      headers: { 'content-type': 'application/json', 'content-length': '101' },
    });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as ErrorEnvelope).error.code).toBe('request_too_large');
    const streamed = await small.call('POST', '/v1/products', { body: { name: 'x'.repeat(200) } });
    expect(streamed.status).toBe(413);
    const fits = await small.call('POST', '/v1/products', {
      body: { name: 'Pro' },
      headers: { 'content-length': '14' },
    });
    expect(fits.status).toBe(200); // {"name":"Pro"} is 14 bytes
  });
});

describe('CORS and request ids', () => {
  it('add their headers to answers and errors alike', async () => {
    for (const res of [
      await h.call('GET', '/v1/products', { headers: { origin: ORIGIN } }),
      await h.call('GET', '/v1/customers', { key: PK_TEST, headers: { origin: ORIGIN } }),
      await h.call('GET', '/v1/nothing', { headers: { origin: ORIGIN } }),
    ]) {
      expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(res.headers.get('access-control-expose-headers')).toBe(
        'Request-Id,Idempotent-Replayed,Retry-After',
      );
      expect(res.headers.get('vary')).toContain('Origin');
      expect(res.headers.get('request-id')).toMatch(/^req_/);
    }
  });

  it('keep a route’s own Vary and add Origin to it', async () => {
    const res = await h.call('GET', '/v1/pricing?currency=EUR', {
      key: PK_TEST,
      headers: { origin: ORIGIN },
    });
    expect(res.headers.get('vary')).toBe('Authorization, CF-IPCountry, X-Country, Accept-Language, Origin');
  });

  it('a preflight answers 204 with methods, headers and max-age', async () => {
    const res = await h.call('OPTIONS', '/v1/anything', {
      key: null,
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'access-control-allow-origin': ORIGIN,
      'access-control-allow-methods': 'GET,POST,DELETE,OPTIONS',
      'access-control-allow-headers': 'Authorization,Content-Type,Idempotency-Key',
      'access-control-max-age': '600',
      vary: 'Origin, Access-Control-Request-Headers',
    });
    expect(res.headers.get('request-id')).toMatch(/^req_/);
  });

  it('the silent logger still gets request ids on every answer', async () => {
    const app = createApp({ db: h.db, log: silentLogger });
    const res = await app.request('/health');
    expect(res.headers.get('request-id')).toMatch(/^req_/);
  });
});

describe('request log', () => {
  it('one entry per request with mode and key id, never the key', async () => {
    await h.call('GET', '/v1/products?limit=1');
    const entry = h.logs.at(-1);
    expect(entry).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'GET',
      path: '/v1/products',
      status: 200,
      livemode: false,
    });
    expect(Object.keys(entry ?? {})).toEqual([
      'level',
      'msg',
      'time',
      'request_id',
      'method',
      'path',
      'status',
      'duration_ms',
      'livemode',
      'key_id',
    ]);
    expect(JSON.stringify(h.logs)).not.toContain(SK_TEST);
  });
});

describe('jsonLogger', () => {
  let writes: string[];
  beforeEach(() => {
    writes = [];
    vi.spyOn(process.stdout, 'write').mockImplementation(
      (chunk: string | Uint8Array) => writes.push(String(chunk)) > 0,
    );
  });
  afterEach(() => vi.restoreAllMocks());

  it('writes the lines of one turn of the event loop at once, in order', async () => {
    jsonLogger({ level: 'info', msg: 'a' });
    jsonLogger({ level: 'info', msg: 'b' });
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual(['{"level":"info","msg":"a"}\n{"level":"info","msg":"b"}\n']);
  });
});
