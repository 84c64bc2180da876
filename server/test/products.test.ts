import { describe, it, expect, beforeEach } from 'vitest';
import { ErrorEnvelope, Product } from '@abona/api';
import { setup, type Harness } from './helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await setup();
});

describe('products', () => {
  it('creates, retrieves, updates, lists and deletes a product', async () => {
    const created = await h.json('POST', '/v1/products', {
      body: {
        name: 'Pro',
        group: 'plans',
        rank: 2,
        marketing_features: [{ name: 'Unlimited projects' }],
        entitlements: [{ key: 'seats', name: 'Seats', value: 5 }],
        lookup_key: 'pro',
        metadata: { a: '1', b: '2' },
      },
    });
    expect(Product.parse(created)).toMatchObject({
      id: 'prod_000001',
      object: 'product',
      active: true,
      group: 'plans',
      rank: 2,
      livemode: false,
      created: '2025-01-15T12:00:00.000Z',
    });
    expect(await h.json('GET', '/v1/products/prod_000001')).toEqual(created);

    h.clock.advance(60_000);
    const updated = await h.json('POST', '/v1/products/prod_000001', { body: { description: 'For teams', rank: null, metadata: { a: '', c: '3' } } });
    expect(updated).toMatchObject({ description: 'For teams', rank: null, metadata: { b: '2', c: '3' }, updated: '2025-01-15T12:01:00.000Z' });

    const list = await h.json<{ data: unknown[] }>('GET', '/v1/products');
    expect(list).toMatchObject({ object: 'list', has_more: false, url: '/v1/products' });
    expect(list.data).toHaveLength(1);

    expect(await h.json('DELETE', '/v1/products/prod_000001')).toEqual({ id: 'prod_000001', object: 'product', deleted: true });
    const gone = await h.json('GET', '/v1/products/prod_000001', {}, 404);
    expect(ErrorEnvelope.parse(gone).error).toMatchObject({ type: 'invalid_request_error', code: 'resource_missing', param: 'id' });
  });

  it('rejects a duplicate lookup_key with its param', async () => {
    await h.json('POST', '/v1/products', { body: { name: 'A', lookup_key: 'basic' } });
    const res = await h.json<ErrorEnvelope>('POST', '/v1/products', { body: { name: 'B', lookup_key: 'basic' } }, 400);
    expect(res.error).toMatchObject({ code: 'resource_already_exists', param: 'lookup_key' });
  });

  it('refuses to delete a product that has prices (409)', async () => {
    const product = await h.json<{ id: string }>('POST', '/v1/products', { body: { name: 'A' } });
    await h.json('POST', '/v1/prices', { body: { product: product.id, currency: 'EUR', unit_amount: 100 } });
    const res = await h.json<ErrorEnvelope>('DELETE', `/v1/products/${product.id}`, {}, 409);
    expect(res.error.code).toBe('product_has_prices');
  });
});
