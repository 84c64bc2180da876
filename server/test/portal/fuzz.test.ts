import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { setup, type Harness } from '../helpers.js';
import { createCustomer, portalToken } from './fixtures.js';

let h: Harness;
let customerId: string;
let token: string;
let clockId: string;
beforeAll(async () => {
  h = await setup();
  customerId = await createCustomer(h);
  token = await portalToken(h, customerId);
  clockId = (
    await h.json<{ id: string }>('POST', '/v1/test_helpers/test_clocks', {
      body: { frozen_time: '2025-03-01T00:00:00Z' },
    })
  ).id;
});

const nasty = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    -1,
    0,
    1.5,
    1e308,
    '',
    'cancel',
    'change-plan',
    'eu_vat',
    'RO18547290',
    'https://x.example',
    '2025-03-02T00:00:00Z',
    '2020-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '__proto__',
    'constructor',
  ),
);
const bodies = (fields: string[]) =>
  fc.dictionary(fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 12 })), nasty, { maxKeys: 6 });
const taxIds = fc.record({
  type: fc.oneof(
    fc.constantFrom('eu_vat', 'gb_vat', 'us_ein', 'ch_vat', 'xx_tin'),
    fc.string({ maxLength: 12 }),
  ),
  value: fc.string({ maxLength: 30 }),
});

async function expectNo500(res: Response) {
  expect(res.status, await res.clone().text()).toBeLessThan(500);
}

describe('portal, test clock and entitlement routes never answer 500 to fuzzed input', () => {
  it('POST /v1/portal_sessions', async () => {
    await fc.assert(
      fc.asyncProperty(
        bodies(['customer', 'return_url', 'flow', 'locale']),
        fc.boolean(),
        async (body, real) => {
          await expectNo500(
            await h.call('POST', '/v1/portal_sessions', {
              body: real ? { ...body, customer: customerId } : body,
            }),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('POST /v1/portal/token', async () => {
    await fc.assert(
      fc.asyncProperty(bodies(['code']), fc.nat(), async (body, n) => {
        await expectNo500(
          await h.call('POST', '/v1/portal/token', {
            key: null,
            body,
            headers: { 'x-forwarded-for': `198.51.100.${n % 250}` },
          }),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('POST /v1/portal/customer', async () => {
    await fc.assert(
      fc.asyncProperty(
        bodies(['name', 'email', 'address', 'tax_id', 'locale']),
        fc.option(taxIds, { nil: undefined }),
        async (body, taxId) => {
          await expectNo500(
            await h.call('POST', '/v1/portal/customer', {
              key: token,
              body: taxId ? { ...body, tax_id: taxId } : body,
            }),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('portal GETs with odd ids and queries', async () => {
    const paths = [
      '/v1/portal/subscriptions',
      '/v1/portal/invoices',
      '/v1/portal/subscriptions/',
      '/v1/portal/invoices/',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.string({ maxLength: 20 }),
        fc.dictionary(
          fc.constantFrom('limit', 'starting_after', 'ending_before', 'x'),
          fc.string({ maxLength: 8 }),
          { maxKeys: 3 },
        ),
        async (path, id, query) => {
          const qs = new URLSearchParams(query).toString();
          const url = path.endsWith('/') ? `${path}${encodeURIComponent(id) || 'x'}` : `${path}?${qs}`;
          await expectNo500(await h.call('GET', url, { key: token }));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('test clocks: create and advance', async () => {
    await fc.assert(
      fc.asyncProperty(bodies(['frozen_time', 'name']), fc.boolean(), async (body, advance) => {
        const path = advance
          ? `/v1/test_helpers/test_clocks/${clockId}/advance`
          : '/v1/test_helpers/test_clocks';
        await expectNo500(await h.call('POST', path, { body }));
      }),
      { numRuns: 100 },
    );
  });

  it('customers with test_clock', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant(clockId), nasty), async (testClock) => {
        await expectNo500(await h.call('POST', '/v1/customers', { body: { test_clock: testClock } }));
      }),
      { numRuns: 50 },
    );
  });
});
