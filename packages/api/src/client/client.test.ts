import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { AbonaError } from '../errors/envelope.js';
import { createClient } from './client.js';
import { toQuery } from './http.js';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(status: number, body: string) {
  const calls: Call[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  };
  return { calls, fetch };
}

describe('createClient', () => {
  it('POSTs JSON with the bearer key and idempotency key', async () => {
    const { calls, fetch } = fakeFetch(200, JSON.stringify({ id: 'prod_1', object: 'product' }));
    const client = createClient({ apiBase: 'http://x.test/', key: 'sk_test_k', fetch });
    const product = await client.products.create({ name: 'Pro' }, { idempotencyKey: 'k1' });
    expect(product.id).toBe('prod_1');
    const call = calls[0]!;
    expect(call.url).toBe('http://x.test/v1/products');
    expect(call.init.method).toBe('POST');
    const headers = call.init.headers as Record<string, string>;
    expect(headers.authorization).toBe('Bearer sk_test_k');
    expect(headers['idempotency-key']).toBe('k1');
    expect(headers['content-type']).toBe('application/json');
    expect(call.init.body).toBe('{"name":"Pro"}');
  });

  it('encodes list params, arrays repeated, undefined dropped', async () => {
    const { calls, fetch } = fakeFetch(200, JSON.stringify({ object: 'list', data: [], has_more: false, url: '/v1/prices' }));
    const client = createClient({ apiBase: 'http://x.test', key: 'pk_test_k', fetch });
    await client.prices.list({ limit: 3, lookup_keys: ['a', 'b'], active: true, product: undefined });
    expect(calls[0]!.url).toBe('http://x.test/v1/prices?limit=3&lookup_keys=a&lookup_keys=b&active=true');
    await client.customers.retrieve('cus_1/x');
    expect(calls[1]!.url).toBe('http://x.test/v1/customers/cus_1%2Fx');
  });

  it('throws a typed AbonaError from the error envelope', async () => {
    const envelope = { error: { type: 'invalid_request_error', code: 'parameter_invalid', message: 'Bad', param: 'name' } };
    const { fetch } = fakeFetch(400, JSON.stringify(envelope));
    const client = createClient({ apiBase: 'http://x.test', key: 'sk_test_k', fetch });
    const error = await client.products.create({ name: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbonaError);
    expect(error).toMatchObject({ status: 400, type: 'invalid_request_error', code: 'parameter_invalid', param: 'name', message: 'Bad' });
  });

  it('turns non-JSON failures and network failures into api_error', async () => {
    const broken = createClient({ apiBase: 'http://x.test', key: 'k', fetch: fakeFetch(502, '<html>').fetch });
    await expect(broken.products.list()).rejects.toMatchObject({ status: 502, type: 'api_error', code: 'unexpected_response' });
    const offline = createClient({
      apiBase: 'http://x.test',
      key: 'k',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(offline.products.list()).rejects.toMatchObject({ status: 0, type: 'api_error', code: 'network_error' });
  });
});

describe('toQuery', () => {
  it('round-trips through URLSearchParams', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.string()), (params) => {
        const query = toQuery(params);
        const back = Object.fromEntries(new URLSearchParams(query.slice(1)));
        expect(back).toEqual(params);
      }),
    );
  });
});
