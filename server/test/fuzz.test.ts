import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { setup, type Harness } from './helpers.js';

let h: Harness;
let productId: string;
beforeAll(async () => {
  h = await setup();
  productId = (await h.json<{ id: string }>('POST', '/v1/products', { body: { name: 'Fuzz' } })).id;
});

/** Values that stress parsers: wrong types, huge numbers, odd strings, deep nesting. */
const nasty = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(-1, 0, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, '', 'inf', '0.0035', '1e3', 'EUR', 'month', 'graduated', '__proto__', 'constructor'),
);

/** Objects built from the real field names (so validation goes deep) mixed with random ones. */
function bodies(fields: string[]) {
  return fc.dictionary(fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 12 })), nasty, { maxKeys: 8 });
}

const routes: [string, string[]][] = [
  ['/v1/products', ['name', 'description', 'active', 'group', 'rank', 'marketing_features', 'entitlements', 'tax_code', 'lookup_key', 'metadata']],
  [
    '/v1/prices',
    ['product', 'currency', 'unit_amount', 'unit_amount_decimal', 'billing_scheme', 'tiers_mode', 'tiers', 'transform_quantity', 'recurring', 'tax_behavior', 'currency_options', 'lookup_key', 'trial_period_days'],
  ],
  ['/v1/coupons', ['name', 'percent_off', 'amount_off', 'currency', 'currency_options', 'duration', 'duration_in_months', 'applies_to', 'max_redemptions', 'redeem_by']],
  ['/v1/promotion_codes', ['coupon', 'code', 'active', 'customer', 'expires_at', 'max_redemptions', 'restrictions']],
  ['/v1/customers', ['email', 'name', 'phone', 'address', 'tax_ids', 'locale', 'preferred_currency', 'metadata']],
];

describe('fuzzed request bodies never cause a 500', () => {
  for (const [path, fields] of routes) {
    it(`POST ${path}`, async () => {
      await fc.assert(
        fc.asyncProperty(bodies(fields), fc.boolean(), async (body, withProduct) => {
          // Half the time point at a real product so price validation runs past the lookup.
          const payload = path === '/v1/prices' && withProduct ? { ...body, product: productId } : body;
          const res = await h.call('POST', path, { body: payload });
          expect(res.status, await res.clone().text()).toBeLessThan(500);
          if (res.status >= 400) {
            const envelope = (await res.json()) as { error: { type: string; message: string } };
            expect(envelope.error.type).toBe('invalid_request_error');
          }
        }),
        { numRuns: 150 },
      );
    });
  }

  it('raw garbage bodies and content types', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8', ''), async (raw, type) => {
        const res = await h.call('POST', '/v1/customers', { rawBody: raw, headers: type ? { 'content-type': type } : {} });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });
});
