import { describe, it, expect, beforeEach } from 'vitest';
import type { ErrorEnvelope } from '@abona/api';
import { ORIGIN, setup, SK_TEST, type Harness } from './helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await setup();
});

describe('errors', () => {
  it('malformed JSON → 400 invalid_json', async () => {
    const res = await h.json<ErrorEnvelope>('POST', '/v1/products', { rawBody: '{"name": ', headers: { 'content-type': 'application/json' } }, 400);
    expect(res.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_json', param: null });
  });

  it('wrong content type → 400 invalid_content_type', async () => {
    const res = await h.json<ErrorEnvelope>('POST', '/v1/products', { rawBody: 'name=Pro', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 400);
    expect(res.error.code).toBe('invalid_content_type');
  });

  it('unknown fields → 400 naming the field, nested too', async () => {
    const top = await h.json<ErrorEnvelope>('POST', '/v1/products', { body: { name: 'Pro', colour: 'red' } }, 400);
    expect(top.error).toMatchObject({ param: 'colour', code: 'parameter_invalid' });
    const nested = await h.json<ErrorEnvelope>('POST', '/v1/products', { body: { name: 'Pro', entitlements: [{ key: 'a', name: 'A', value: 1, extra: 1 }] } }, 400);
    expect(nested.error.param).toBe('entitlements[0][extra]');
  });

  it('a JSON array or scalar body is a 400, not a 500', async () => {
    for (const rawBody of ['[]', '"x"', '42', 'null']) {
      const res = await h.call('POST', '/v1/products', { rawBody, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
    }
  });

  it('bad query parameters → 400 with param', async () => {
    expect((await h.json<ErrorEnvelope>('GET', '/v1/products?limit=0', {}, 400)).error.param).toBe('limit');
    expect((await h.json<ErrorEnvelope>('GET', '/v1/products?limit=abc', {}, 400)).error.param).toBe('limit');
    expect((await h.json<ErrorEnvelope>('GET', '/v1/products?active=maybe', {}, 400)).error.param).toBe('active');
    expect((await h.json<ErrorEnvelope>('GET', '/v1/products?colour=red', {}, 400)).error.param).toBe('colour');
  });

  it('unknown URL → 404 url_invalid; errors carry the request id', async () => {
    const res = await h.call('GET', '/v1/nothing');
    expect(res.status).toBe(404);
    const body = (await res.json()) as ErrorEnvelope;
    expect(body.error.code).toBe('url_invalid');
    expect(body.error.request_id).toBe(res.headers.get('request-id'));
  });

  it('a body over the limit → 413', async () => {
    const small = await setup({ maxBodyBytes: 100 });
    const res = await small.call('POST', '/v1/products', { body: { name: 'x'.repeat(200) } });
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorEnvelope).error.code).toBe('request_too_large');
  });

  it('health answers without a key', async () => {
    expect(await h.json('GET', '/health', { key: null })).toEqual({ status: 'ok', time: '2025-01-15T12:00:00.000Z' });
  });
});

describe('CORS', () => {
  it('echoes an allowed origin and answers its preflight without a key', async () => {
    const res = await h.call('GET', '/v1/products', { headers: { origin: ORIGIN } });
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const preflight = await h.call('OPTIONS', '/v1/products', {
      key: null,
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('gives a foreign origin no allow header', async () => {
    const res = await h.call('GET', '/v1/products', { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await h.call('OPTIONS', '/v1/products', { key: null, headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('rate limit', () => {
  it('allows max requests per key and route in a window, then 429 with Retry-After', async () => {
    const limited = await setup({ rateLimit: { max: 3, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) expect((await limited.call('GET', '/v1/products')).status).toBe(200);
    const res = await limited.call('GET', '/v1/products');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(((await res.json()) as ErrorEnvelope).error.type).toBe('rate_limit_error');
    limited.clock.advance(60_000);
    expect((await limited.call('GET', '/v1/products')).status).toBe(200);
  });
});

describe('logs', () => {
  it('writes one JSON line per request without the key', async () => {
    await h.call('GET', '/v1/customers?email=ana@example.com');
    expect(h.logs).toHaveLength(1);
    const entry = h.logs[0]!;
    expect(entry).toMatchObject({ level: 'info', msg: 'request', method: 'GET', path: '/v1/customers', status: 200, livemode: false });
    expect(JSON.stringify(entry)).not.toContain(SK_TEST);
    expect(JSON.stringify(entry)).not.toContain('ana@example.com');
  });
});
