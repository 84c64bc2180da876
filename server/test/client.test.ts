import { describe, it, expect, beforeEach } from 'vitest';
import { AbonaError, createClient, type AbonaClient } from '@abona/api';
import { PK_TEST, setup, SK_TEST, type Harness } from './helpers.js';

let h: Harness;
let abona: AbonaClient;
beforeEach(async () => {
  h = await setup();
  // The real client against the real app, with app.request standing in for the network.
  abona = createClient({ apiBase: 'http://abona.test', key: SK_TEST, fetch: async (url, init) => h.app.request(url, init) });
});

describe('@abona/api client against the server', () => {
  it('round-trips every resource', async () => {
    const product = await abona.products.create({ name: 'Pro', lookup_key: 'pro' }, { idempotencyKey: 'p1' });
    const price = await abona.prices.create({ product: product.id, currency: 'EUR', unit_amount: 2900, recurring: { interval: 'month' }, lookup_key: 'pro_monthly' });
    expect((await abona.prices.list({ lookup_keys: ['pro_monthly'] })).data.map((p) => p.id)).toEqual([price.id]);
    expect((await abona.products.update(product.id, { active: false })).active).toBe(false);
    const coupon = await abona.coupons.create({ percent_off: 20, duration: 'forever' });
    const promo = await abona.promotionCodes.create({ coupon: coupon.id, code: 'DEMO20' });
    expect(promo.coupon.id).toBe(coupon.id);
    const customer = await abona.customers.create({ email: 'ana@example.ro', tax_ids: [{ type: 'eu_vat', value: 'RO123' }] });
    expect((await abona.customers.retrieve(customer.id)).tax_ids[0]?.country).toBe('RO');
    expect(await abona.customers.del(customer.id)).toEqual({ id: customer.id, object: 'customer', deleted: true });
  });

  it('rejects with typed errors', async () => {
    const error = await abona.customers.retrieve('cus_missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbonaError);
    expect(error).toMatchObject({ status: 404, type: 'invalid_request_error', code: 'resource_missing' });
    const browser = createClient({ apiBase: 'http://abona.test', key: PK_TEST, fetch: async (url, init) => h.app.request(url, init) });
    await expect(browser.customers.list()).rejects.toMatchObject({ status: 403, type: 'permission_error' });
    await expect(browser.prices.list()).resolves.toMatchObject({ object: 'list' });
  });
});
