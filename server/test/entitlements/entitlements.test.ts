import { describe, it, expect, beforeEach } from 'vitest';
import fc from 'fast-check';
import { CustomerEntitlementList } from '@abona/api';
import type { ProductRow } from '../../src/db/schema.js';
import { mergeCatalogEntitlements } from '../../src/resources/entitlements/service.js';
import { PK_TEST, SK_LIVE, START_MS, setup, type Harness } from '../helpers.js';
import { createCustomer, createPlan, insertSubscription, portalToken } from '../portal/fixtures.js';

const ent = (key: string, value: boolean | number | string, unit?: string) => ({
  key,
  name: key,
  value,
  ...(unit ? { unit } : {}),
});

let h: Harness;
let customer: string;
let basic: { productId: string; priceId: string };
let pro: { productId: string; priceId: string };
let pack: { productId: string; priceId: string };
beforeEach(async () => {
  h = await setup();
  customer = await createCustomer(h);
  basic = await createPlan(h, {
    name: 'Basic',
    group: 'plans',
    rank: 1,
    entitlements: [
      ent('seats', 3),
      ent('sso', false),
      ent('api_calls', 10_000, 'calls / month'),
      ent('support', 'email'),
    ],
  });
  pro = await createPlan(h, {
    name: 'Pro',
    group: 'plans',
    rank: 2,
    entitlements: [
      ent('seats', 10),
      ent('sso', true),
      ent('api_calls', 100_000, 'calls / month'),
      ent('support', 'priority'),
    ],
  });
  pack = await createPlan(h, {
    name: 'Calls pack',
    entitlements: [ent('api_calls', 5_000), ent('exports', true)],
  });
});

async function entitlements(id = customer) {
  return CustomerEntitlementList.parse(await h.json('GET', `/v1/customers/${id}/entitlements`));
}
const values = (list: CustomerEntitlementList) => Object.fromEntries(list.data.map((e) => [e.key, e.value]));

describe('customer entitlements', () => {
  it('a plan and an add-on: the add-on’s limits stack on the plan’s', async () => {
    await insertSubscription(h, { id: 'sub_plan', customerId: customer, priceIds: [basic.priceId] });
    await insertSubscription(h, {
      id: 'sub_pack',
      customerId: customer,
      priceIds: [pack.priceId],
      status: 'trialing',
      createdAt: START_MS + 1,
    });
    const list = await entitlements();
    expect(values(list)).toEqual({
      api_calls: 15_000,
      exports: true,
      seats: 3,
      sso: false,
      support: 'email',
    }); // 10000 + 5000
    expect(list.data.map((e) => e.key)).toEqual(['api_calls', 'exports', 'seats', 'sso', 'support']);
    expect(list.data[0]).toEqual({
      object: 'entitlement',
      key: 'api_calls',
      name: 'api_calls',
      value: 15_000,
      unit: 'calls / month',
    });
    expect(list.sources).toEqual([
      {
        subscription: 'sub_plan',
        status: 'active',
        product: basic.productId,
        keys: ['seats', 'sso', 'api_calls', 'support'],
      },
      {
        subscription: 'sub_pack',
        status: 'trialing',
        product: pack.productId,
        keys: ['api_calls', 'exports'],
      },
    ]);
    expect(list).toMatchObject({
      object: 'list',
      has_more: false,
      customer,
      url: `/v1/customers/${customer}/entitlements`,
    });
  });

  it('two plans of one group (mid change): the higher tier wins, limits are not added', async () => {
    await insertSubscription(h, {
      id: 'sub_basic',
      customerId: customer,
      priceIds: [basic.priceId],
      status: 'past_due',
    });
    await insertSubscription(h, { id: 'sub_pro', customerId: customer, priceIds: [pro.priceId] });
    expect(values(await entitlements())).toEqual({
      api_calls: 100_000,
      seats: 10,
      sso: true,
      support: 'priority',
    }); // max, OR, rank 2
  });

  it('the same product on two subscriptions counts once; ended, paused and unpaid subscriptions grant nothing', async () => {
    await insertSubscription(h, { id: 'sub_a', customerId: customer, priceIds: [pack.priceId] });
    await insertSubscription(h, { id: 'sub_b', customerId: customer, priceIds: [pack.priceId] });
    for (const status of ['canceled', 'paused', 'unpaid', 'incomplete', 'incomplete_expired'] as const) {
      await insertSubscription(h, {
        id: `sub_${status}`,
        customerId: customer,
        priceIds: [pro.priceId],
        status,
      });
    }
    const list = await entitlements();
    expect(values(list)).toEqual({ api_calls: 5_000, exports: true });
    expect(list.sources.map((s) => s.subscription)).toEqual(['sub_a', 'sub_b']);
  });

  it('a customer without subscriptions has none; unknown, other-mode customers are 404; pk is 403', async () => {
    expect((await entitlements()).data).toEqual([]);
    expect((await h.call('GET', '/v1/customers/cus_nope/entitlements')).status).toBe(404);
    expect((await h.call('GET', `/v1/customers/${customer}/entitlements`, { key: SK_LIVE })).status).toBe(
      404,
    );
    expect((await h.call('GET', `/v1/customers/${customer}/entitlements`, { key: PK_TEST })).status).toBe(
      403,
    );
    const other = await createCustomer(h);
    await insertSubscription(h, { id: 'sub_other', customerId: other, priceIds: [pro.priceId] });
    expect((await entitlements()).data).toEqual([]);
  });

  it('the portal shows the same entitlements to the customer', async () => {
    await insertSubscription(h, {
      id: 'sub_plan',
      customerId: customer,
      priceIds: [basic.priceId, pack.priceId],
    });
    const portal = CustomerEntitlementList.parse(
      await h.json('GET', '/v1/portal/entitlements', { key: await portalToken(h, customer) }),
    );
    const secret = await entitlements();
    expect(portal.data).toEqual(secret.data);
    expect(portal.sources).toEqual(secret.sources);
    expect(portal.url).toBe('/v1/portal/entitlements');
  });
});

describe('mergeCatalogEntitlements (property)', () => {
  const row = (id: string, group: string | null, calls: number): ProductRow =>
    ({
      id,
      name: id,
      productGroup: group,
      rank: null,
      entitlements: [ent('calls', calls)],
    }) as unknown as ProductRow;

  it('max within a group, sum across groups and ungrouped products', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ group: fc.constantFrom(null, 'a', 'b'), calls: fc.nat({ max: 1_000_000 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        (specs) => {
          const rows = specs.map((s, i) => row(`p${i}`, s.group, s.calls));
          const expected =
            specs.filter((s) => s.group === null).reduce((sum, s) => sum + s.calls, 0) +
            (['a', 'b'] as const)
              .map((g) => specs.filter((s) => s.group === g).map((s) => s.calls))
              .filter((calls) => calls.length > 0)
              .reduce((sum, calls) => sum + Math.max(...calls), 0);
          expect(mergeCatalogEntitlements(rows).find((e) => e.key === 'calls')?.value).toBe(expected);
          expect(mergeCatalogEntitlements([...rows].reverse()).find((e) => e.key === 'calls')?.value).toBe(
            expected,
          );
        },
      ),
    );
  });
});
