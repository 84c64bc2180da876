import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ProductCreateParams, ProductListParams, ProductUpdateParams } from './schemas.js';

describe('product schemas', () => {
  it('accepts a product with entitlements and features', () => {
    const params = {
      name: 'Pro',
      group: 'plans',
      rank: 2,
      marketing_features: [{ name: 'Unlimited projects' }],
      entitlements: [
        { key: 'seats', name: 'Seats', value: 5 },
        { key: 'sso', name: 'SSO', value: true },
      ],
      lookup_key: 'pro',
      metadata: { tier: 'mid' },
    };
    expect(ProductCreateParams.parse(params)).toEqual(params);
  });

  it('rejects duplicate entitlement keys, empty names and a bad lookup key', () => {
    expect(ProductCreateParams.safeParse({ name: 'A', entitlements: [{ key: 'a', name: 'A', value: 1 }, { key: 'a', name: 'B', value: 2 }] }).success).toBe(false);
    expect(ProductCreateParams.safeParse({ name: '' }).success).toBe(false);
    expect(ProductCreateParams.safeParse({ name: 'A', lookup_key: 'has space' }).success).toBe(false);
    expect(ProductCreateParams.safeParse({ name: 'A', rank: 1.5 }).success).toBe(false);
  });

  it('update takes null to clear optional fields; list params stay strict', () => {
    expect(ProductUpdateParams.parse({ description: null })).toEqual({ description: null });
    expect(ProductListParams.safeParse({ limit: 5, active: true }).success).toBe(true);
    expect(ProductListParams.safeParse({ limit: 500 }).success).toBe(false);
    expect(ProductListParams.safeParse({ colour: 'red' }).success).toBe(false);
  });

  it('metadata allows at most 50 keys', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), (n) => {
        const metadata = Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
        expect(ProductCreateParams.safeParse({ name: 'A', metadata }).success).toBe(n <= 50);
      }),
    );
  });
});
