import { describe, it, expect, beforeEach } from 'vitest';
import type { ErrorEnvelope } from '@abona/api';
import { apiKeyRepository } from '../src/keys/repository.js';
import { hashKey } from '../src/keys/index.js';
import { apiKeys } from '../src/db/schema.js';
import { createPlan, PK_LIVE, PK_TEST, SK_LIVE, SK_TEST, START_MS, setup, type Harness } from './helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await setup();
});

describe('auth', () => {
  it('no key → 401 authentication_error', async () => {
    const res = await h.json<ErrorEnvelope>('GET', '/v1/products', { key: null }, 401);
    expect(res.error).toMatchObject({ type: 'authentication_error', code: 'api_key_missing', param: null });
  });

  it('unknown, malformed or revoked key → 401', async () => {
    for (const header of ['Bearer sk_test_not_a_real_key', 'Bearer nonsense', 'Basic abc', 'Bearer']) {
      const res = await h.call('GET', '/v1/products', { key: null, headers: { authorization: header } });
      expect(res.status).toBe(401);
    }
    await apiKeyRepository(h.db, h.ids).revoke(SK_TEST, START_MS);
    expect((await h.call('GET', '/v1/products')).status).toBe(401);
  });

  it('a key whose prefix disagrees with its stored kind is refused', async () => {
    // Someone stores the hash of "pk_test_x" as a secret key: the prefix must still win nothing.
    await h.db.insert(apiKeys).values({ id: 'key_forged', livemode: false, kind: 'secret', keyHash: hashKey('pk_test_forged'), name: null, createdAt: 0, revokedAt: null });
    expect((await h.call('GET', '/v1/customers', { key: 'pk_test_forged' })).status).toBe(401);
  });

  it('publishable key: catalog reads allowed, everything else 403 permission_error', async () => {
    await createPlan(h);
    expect((await h.call('GET', '/v1/products', { key: PK_TEST })).status).toBe(200);
    expect((await h.call('GET', '/v1/prices/price_000001', { key: PK_TEST })).status).toBe(200);
    for (const [method, path] of [
      ['POST', '/v1/products'],
      ['POST', '/v1/prices/price_000001'],
      ['GET', '/v1/customers'],
      ['GET', '/v1/coupons'],
      ['DELETE', '/v1/products/prod_000001'],
      ['GET', '/v1/products/prod_000001/extra'],
    ] as const) {
      const res = await h.call(method, path, { key: PK_TEST, ...(method === 'POST' ? { body: {} } : {}) });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(((await res.json()) as ErrorEnvelope).error.type).toBe('permission_error');
    }
  });

  it('test and live data never mix', async () => {
    const { product } = await createPlan(h);
    const liveList = await h.json<{ data: unknown[] }>('GET', '/v1/products', { key: SK_LIVE });
    expect(liveList.data).toEqual([]);
    expect((await h.call('GET', `/v1/products/${product.id}`, { key: SK_LIVE })).status).toBe(404);
    expect((await h.call('GET', `/v1/products/${product.id}`, { key: PK_LIVE })).status).toBe(404);
    // A live price cannot point at a test product.
    const res = await h.json<ErrorEnvelope>('POST', '/v1/prices', { key: SK_LIVE, body: { product: product.id, currency: 'EUR', unit_amount: 1 } }, 400);
    expect(res.error).toMatchObject({ code: 'resource_missing', param: 'product' });
    const live = await h.json<{ livemode: boolean; id: string }>('POST', '/v1/products', { key: SK_LIVE, body: { name: 'Live' } });
    expect(live.livemode).toBe(true);
    const testList = await h.json<{ data: { id: string }[] }>('GET', '/v1/products');
    expect(testList.data.map((p) => p.id)).toEqual([product.id]);
  });

  it('keys are stored only as SHA-256 hashes', async () => {
    const rows = await h.db.select().from(apiKeys);
    const text = JSON.stringify(rows);
    for (const key of [SK_TEST, PK_TEST, SK_LIVE, PK_LIVE]) {
      expect(text).not.toContain(key);
      expect(rows.some((row) => row.keyHash === hashKey(key))).toBe(true);
    }
    expect(hashKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
