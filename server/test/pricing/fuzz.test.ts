import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PK_TEST } from '../helpers.js';
import { demoHarness, priceIds } from './helpers.js';

const text = fc.oneof(
  fc.constantFrom(
    'RO',
    'de',
    'US',
    'ZZ',
    'EUR',
    'usd',
    'true',
    'false',
    '0',
    '-1',
    '1e3',
    'eu_vat',
    'FR40303265045',
    'basic,pro',
    '',
    '%00',
    'month',
  ),
  fc.string({ maxLength: 12 }),
);
const json = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    1.5,
    1e12,
    '',
    'RO',
    'EUR',
    'pro_monthly',
    'DEMO20',
    'eu_vat',
    [],
    {},
  ),
  fc.string({ maxLength: 10 }),
  fc.integer(),
);

describe('fuzz: pricing, preview and settings never answer 500', () => {
  it('GET /v1/pricing with random queries', async () => {
    const h = await demoHarness();
    const ids = Object.values(await priceIds(h));
    const key = fc.oneof(
      fc.constantFrom(
        'country',
        'currency',
        'state',
        'postal_code',
        'business',
        'tax_id_type',
        'tax_id',
        'interval',
        'products',
      ),
      fc.constantFrom(...ids).map((id) => `quantity[${id}]`),
      fc.string({ maxLength: 8 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, text), { maxLength: 6 }), async (pairs) => {
        const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        const res = await h.call('GET', `/v1/pricing?${query}`, { key: PK_TEST });
        expect([200, 400], `${query} → ${res.status}: ${await res.clone().text()}`).toContain(res.status);
      }),
      { numRuns: 150 },
    );
    h.close();
  });

  it('POST /v1/invoices/preview and /v1/settings/* with random bodies', async () => {
    const h = await demoHarness();
    const item = fc.record(
      {
        price: fc.oneof(
          fc.constantFrom('pro_monthly', 'team_seat_yearly', 'api_calls_monthly', 'nope'),
          json,
        ),
        quantity: fc.oneof(fc.integer({ min: -2, max: 2_000_000 }), json),
      },
      { requiredKeys: [] },
    );
    const preview = fc.record(
      {
        customer_details: fc.oneof(
          json,
          fc.record(
            {
              address: fc.record(
                { country: fc.oneof(text, json), state: text, postal_code: text },
                { requiredKeys: [] },
              ),
              business: json,
              tax_id: fc.record({ type: fc.oneof(text, json), value: fc.oneof(text, json) }),
            },
            { requiredKeys: [] },
          ),
        ),
        items: fc.oneof(json, fc.array(item, { maxLength: 3 })),
        currency: fc.oneof(text, json),
        promotion_code: fc.oneof(text, json),
        coupon: json,
        subscription: json,
        at: fc.oneof(
          json,
          fc.constantFrom('2026-02-01T00:00:00Z', '1969-01-01T00:00:00Z', '2026-13-01T00:00:00Z'),
        ),
      },
      { requiredKeys: [] },
    );
    const seller = fc.record(
      {
        name: json,
        address: fc.oneof(
          json,
          fc.record({ country: fc.oneof(text, json), state: text }, { requiredKeys: [] }),
        ),
        tax: fc.oneof(
          json,
          fc.record(
            {
              country: fc.oneof(text, json),
              registrations: fc.oneof(
                json,
                fc.array(
                  fc.record(
                    { country: fc.oneof(text, json), type: fc.oneof(text, json), state: text },
                    { requiredKeys: [] },
                  ),
                  { maxLength: 3 },
                ),
              ),
            },
            { requiredKeys: [] },
          ),
        ),
        default_currency: fc.oneof(text, json),
      },
      { requiredKeys: [] },
    );
    const billing = fc.record(
      {
        plan_change_policy: fc.oneof(
          json,
          fc.record({ upgrade: fc.oneof(text, json) }, { requiredKeys: [] }),
        ),
        dunning: fc.oneof(
          json,
          fc.record(
            {
              retry_days: fc.oneof(json, fc.array(fc.integer({ min: -5, max: 100 }), { maxLength: 12 })),
              retries_exhausted: text,
            },
            { requiredKeys: [] },
          ),
        ),
        portal: fc.oneof(
          json,
          fc.record({ retention_coupon: json, allow_pause: json }, { requiredKeys: [] }),
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          preview.map((b) => ['/v1/invoices/preview', b] as const),
          seller.map((b) => ['/v1/settings/seller', b] as const),
          billing.map((b) => ['/v1/settings/billing', b] as const),
        ),
        async ([path, body]) => {
          const res = await h.call('POST', path, { body });
          expect(
            [200, 400],
            `${path} ${JSON.stringify(body)} → ${res.status}: ${await res.clone().text()}`,
          ).toContain(res.status);
        },
      ),
      { numRuns: 300 },
    );
    h.close();
  });
});
