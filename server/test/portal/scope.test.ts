import { describe, it, expect, beforeEach } from 'vitest';
import { ErrorEnvelope, PortalConfig, PortalCustomer } from '@abona/api';
import { eq } from 'drizzle-orm';
import { customerTaxIds, events } from '../../src/db/schema.js';
import { SK_LIVE, setup, type Harness } from '../helpers.js';
import {
  createCustomer,
  createPlan,
  insertInvoice,
  insertPaymentMethod,
  insertSubscription,
  portalToken,
} from './fixtures.js';

interface Listed {
  object: string;
  data: { id: string; customer: string }[];
  has_more: boolean;
}

let h: Harness;
let a: string;
let b: string;
let tokenA: string;
let basic: { productId: string; priceId: string };
let pro: { productId: string; priceId: string };

/**
 * Customers A and B in test mode, and C with the same kinds of objects in live mode; each has a
 * subscription, a paid and a draft invoice, and a payment method.
 */
beforeEach(async () => {
  h = await setup();
  a = await createCustomer(h, { name: 'Ana', email: 'ana@example.ro' });
  b = await createCustomer(h, { name: 'Bogdan', email: 'bogdan@example.ro' });
  const c = await createCustomer(h, { name: 'Live' }, SK_LIVE);
  basic = await createPlan(h, { name: 'Basic', group: 'plans', rank: 1 });
  pro = await createPlan(h, { name: 'Pro', group: 'plans', rank: 2 });
  for (const [customer, livemode] of [
    [a, false],
    [b, false],
    [c, true],
  ] as const) {
    await insertSubscription(h, {
      id: `sub_${customer}`,
      customerId: customer,
      priceIds: [basic.priceId],
      livemode,
    });
    await insertInvoice(h, {
      id: `in_${customer}`,
      customerId: customer,
      subscriptionId: `sub_${customer}`,
      livemode,
    });
    await insertInvoice(h, { id: `in_draft_${customer}`, customerId: customer, status: 'draft', livemode });
    await insertPaymentMethod(h, { id: `pm_${customer}`, customerId: customer, livemode });
  }
  tokenA = await portalToken(h, a);
});

async function notFound(path: string) {
  const res = await h.call('GET', path, { key: tokenA });
  expect(res.status, path).toBe(404);
  expect(ErrorEnvelope.parse(await res.json()).error.code).toBe('resource_missing');
}

describe('a portal token sees only its customer', () => {
  it('subscriptions: lists A’s only; B’s and live ones are 404', async () => {
    const list = await h.json<Listed>('GET', '/v1/portal/subscriptions', { key: tokenA });
    expect(list.data.map((s) => s.id)).toEqual([`sub_${a}`]);
    const one = await h.json<Record<string, unknown>>('GET', `/v1/portal/subscriptions/sub_${a}`, {
      key: tokenA,
    });
    expect(one).toMatchObject({ id: `sub_${a}`, customer: a, status: 'active' });
    expect(one).not.toHaveProperty('metadata');
    await notFound(`/v1/portal/subscriptions/sub_${b}`);
    await notFound('/v1/portal/subscriptions/sub_cus_000003');
    await notFound('/v1/portal/subscriptions/sub_nothing');
  });

  it('invoices: lists A’s finalized ones with lines; drafts and B’s are 404', async () => {
    const list = await h.json<Listed>('GET', '/v1/portal/invoices', { key: tokenA });
    expect(list.data.map((i) => i.id)).toEqual([`in_${a}`]);
    const one = await h.json<{ total: number; lines: { data: { total_amount: number }[] } }>(
      'GET',
      `/v1/portal/invoices/in_${a}`,
      { key: tokenA },
    );
    expect(one.total).toBe(1190); // 1000 + 19 % VAT
    expect(one.lines.data.map((l) => l.total_amount)).toEqual([1190]);
    expect(one).not.toHaveProperty('metadata');
    await notFound(`/v1/portal/invoices/in_draft_${a}`);
    await notFound(`/v1/portal/invoices/in_${b}`);
    await notFound('/v1/portal/invoices/in_cus_000003');
  });

  it('pagination cursors of another customer’s objects are refused like unknown ids', async () => {
    for (const path of [
      `/v1/portal/subscriptions?starting_after=sub_${b}`,
      `/v1/portal/invoices?ending_before=in_${b}`,
    ]) {
      const res = await h.call('GET', path, { key: tokenA });
      expect(res.status, path).toBe(400);
      expect(ErrorEnvelope.parse(await res.json()).error.code).toBe('resource_missing');
    }
  });

  it('payment methods: A’s attached ones only', async () => {
    await insertPaymentMethod(h, { id: 'pm_gone', customerId: a, detached: true });
    const list = await h.json<Listed & { data: { default: boolean }[] }>(
      'GET',
      '/v1/portal/payment_methods',
      { key: tokenA },
    );
    expect(list.data.map((p) => p.id)).toEqual([`pm_${a}`]);
    expect(list.data.every((p) => p.customer === a)).toBe(true);
  });

  it('customer: reads and edits A only; B is untouched', async () => {
    const me = PortalCustomer.parse(await h.json('GET', '/v1/portal/customer', { key: tokenA }));
    expect(me).toMatchObject({ id: a, name: 'Ana', email: 'ana@example.ro', tax_ids: [] });
    const edited = PortalCustomer.parse(
      await h.json('POST', '/v1/portal/customer', {
        key: tokenA,
        body: {
          name: 'Ana Pop SRL',
          address: { line1: 'Str. Lunga 1', city: 'Cluj-Napoca', country: 'RO' },
          tax_id: { type: 'eu_vat', value: 'ro 185 472 90' },
          locale: 'ro',
        },
      }),
    );
    expect(edited).toMatchObject({
      name: 'Ana Pop SRL',
      address: { line1: 'Str. Lunga 1', city: 'Cluj-Napoca', country: 'RO', line2: null },
      tax_ids: [{ type: 'eu_vat', value: 'RO18547290', country: 'RO' }],
      locale: 'ro',
    });
    const other = await h.json<{ name: string; tax_ids: unknown[] }>('GET', `/v1/customers/${b}`);
    expect(other).toMatchObject({ name: 'Bogdan', tax_ids: [] });
    const [event] = await h.db.select().from(events).where(eq(events.type, 'customer.updated'));
    expect(event?.data).toMatchObject({ id: a, name: 'Ana Pop SRL' });
  });

  it('entitlements and config are A’s own', async () => {
    const ent = await h.json<{ customer: string; sources: { subscription: string }[] }>(
      'GET',
      '/v1/portal/entitlements',
      { key: tokenA },
    );
    expect(ent.customer).toBe(a);
    expect(ent.sources.map((s) => s.subscription)).toEqual([`sub_${a}`]);
    const config = PortalConfig.parse(await h.json('GET', '/v1/portal/config', { key: tokenA }));
    expect(config.features.subscription_update.products.map((p) => p.product)).toEqual([
      basic.productId,
      pro.productId,
    ]);
  });

  it('B’s token sees B, and neither sees the other', async () => {
    const tokenB = await portalToken(h, b);
    expect((await h.json<{ id: string }>('GET', '/v1/portal/customer', { key: tokenB })).id).toBe(b);
    expect(
      (await h.json<Listed>('GET', '/v1/portal/subscriptions', { key: tokenB })).data.map((s) => s.id),
    ).toEqual([`sub_${b}`]);
    expect((await h.call('GET', `/v1/portal/subscriptions/sub_${a}`, { key: tokenB })).status).toBe(404);
    expect((await h.call('GET', `/v1/portal/invoices/in_${a}`, { key: tokenB })).status).toBe(404);
  });
});

describe('billing details edits', () => {
  it('validate the tax id with the engine: bad check digits, bad format, unknown type', async () => {
    const checksum = await h.json<ErrorEnvelope>(
      'POST',
      '/v1/portal/customer',
      { key: tokenA, body: { tax_id: { type: 'eu_vat', value: 'RO18547291' } } },
      400,
    );
    expect(checksum.error).toMatchObject({ param: 'tax_id', code: 'tax_id_invalid' });
    expect(checksum.error.message).toContain('checksum');
    const format = await h.json<ErrorEnvelope>(
      'POST',
      '/v1/portal/customer',
      { key: tokenA, body: { tax_id: { type: 'gb_vat', value: 'GB12' } } },
      400,
    );
    expect(format.error).toMatchObject({ param: 'tax_id', code: 'tax_id_invalid' });
    expect(format.error.message).toContain('format');
    const unknown = await h.json<ErrorEnvelope>(
      'POST',
      '/v1/portal/customer',
      { key: tokenA, body: { tax_id: { type: 'xx_vat', value: '123' } } },
      400,
    );
    expect(unknown.error.param).toBe('tax_id[type]');
    expect(await h.db.select().from(customerTaxIds)).toHaveLength(0);
  });

  it('replace and clear the tax id; the same number keeps its row', async () => {
    const first = await h.json<{ tax_ids: { id: string }[] }>('POST', '/v1/portal/customer', {
      key: tokenA,
      body: { tax_id: { type: 'eu_vat', value: 'RO18547290' } },
    });
    const same = await h.json<{ tax_ids: { id: string }[] }>('POST', '/v1/portal/customer', {
      key: tokenA,
      body: { tax_id: { type: 'eu_vat', value: 'RO 18547290' } },
    });
    expect(same.tax_ids.map((t) => t.id)).toEqual(first.tax_ids.map((t) => t.id));
    const cleared = await h.json<{ tax_ids: unknown[] }>('POST', '/v1/portal/customer', {
      key: tokenA,
      body: { tax_id: null, email: null },
    });
    expect(cleared).toMatchObject({ tax_ids: [], email: null });
  });

  it('refuse fields the portal does not edit (metadata, description) by name', async () => {
    for (const field of ['metadata', 'description', 'preferred_currency', 'test_clock']) {
      const res = await h.json<ErrorEnvelope>(
        'POST',
        '/v1/portal/customer',
        { key: tokenA, body: { [field]: 'x' } },
        400,
      );
      expect(res.error.param).toBe(field);
    }
  });
});

describe('portal config', () => {
  it('follows the billing settings: cancel now, pause, a retention coupon that exists', async () => {
    const coupon = await h.json<{ id: string }>('POST', '/v1/coupons', {
      body: { percent_off: 20, duration: 'once' },
    });
    await h.json('POST', '/v1/settings/billing', {
      body: { portal: { allow_cancel_now: true, allow_pause: false, retention_coupon: coupon.id } },
    });
    const config = PortalConfig.parse(await h.json('GET', '/v1/portal/config', { key: tokenA }));
    expect(config.features.subscription_cancel).toEqual({
      enabled: true,
      mode: 'immediately',
      retention_offer: { coupon: coupon.id },
    });
    expect(config.features.subscription_pause.enabled).toBe(false);
    expect(config.features.subscription_update).toMatchObject({ enabled: true });
    expect(config.features.subscription_update.products.map((p) => [p.name, p.prices])).toEqual([
      ['Basic', [basic.priceId]],
      ['Pro', [pro.priceId]],
    ]);
  });

  it('offers no plan change to a customer without a plan', async () => {
    const lonely = await createCustomer(h);
    const config = PortalConfig.parse(
      await h.json('GET', '/v1/portal/config', { key: await portalToken(h, lonely) }),
    );
    expect(config.features.subscription_update).toEqual({ enabled: false, products: [] });
  });
});
