import { defaultPlanChangePolicy } from '@abona/core';
import { describe, expect, it } from 'vitest';
import { loadBillingSettings, planChangePolicyFor } from '../../src/resources/settings/billing.js';
import { wireParamOfSeller } from '../../src/resources/settings/service.js';
import { PK_TEST, SK_LIVE, setup, type Harness } from '../helpers.js';

const errorParam = async (h: Harness, path: string, body: unknown) => {
  const res = await h.call('POST', path, { body });
  const json = (await res.json()) as { error?: { param: string | null } };
  return { status: res.status, param: json.error?.param };
};

describe('/v1/settings/seller', () => {
  it('starts from the demo seller and stores changes per mode', async () => {
    const h = await setup();
    const initial = await h.json<{ object: string; address: { country: string }; default_currency: string }>(
      'GET',
      '/v1/settings/seller',
    );
    expect(initial).toMatchObject({
      object: 'seller_settings',
      livemode: false,
      address: { country: 'RO' },
      default_currency: 'EUR',
    });
    const saved = await h.json('POST', '/v1/settings/seller', {
      body: {
        name: 'Acme GmbH',
        address: { country: 'de', city: 'Berlin' },
        tax: { country: 'de', registrations: [{ country: 'de' }, { country: 'DE', type: 'oss' }] },
        default_currency: 'eur',
      },
    });
    expect(saved).toMatchObject({
      name: 'Acme GmbH',
      address: { country: 'DE', city: 'Berlin' },
      tax: { country: 'DE', registrations: [{ country: 'DE' }, { country: 'DE', type: 'oss' }] },
    });
    expect(await h.json('GET', '/v1/settings/seller')).toEqual(saved);
    // Live mode is untouched.
    expect(await h.json('GET', '/v1/settings/seller', { key: SK_LIVE })).toMatchObject({
      name: 'Abona Demo SRL',
      livemode: true,
    });
    h.close();
  });

  it('answers 400 with the wire param for every invalid field', async () => {
    const h = await setup();
    const cases: [unknown, string][] = [
      [{ address: { country: 'ZZ' } }, 'address[country]'],
      [
        { tax: { country: 'RO', registrations: [{ country: 'US', type: 'oss' }] } },
        'tax[registrations][0][type]',
      ],
      [{ tax: { country: 'RO', registrations: [{ country: 'QQ' }] } }, 'tax[registrations][0][country]'],
      [{ default_currency: 'XYZ' }, 'default_currency'],
      [{ name: '' }, 'name'],
      [{ email: 'not-an-email' }, 'email'],
      [{ colour: 'red' }, 'colour'],
    ];
    for (const [body, param] of cases)
      expect(await errorParam(h, '/v1/settings/seller', body), JSON.stringify(body)).toEqual({
        status: 400,
        param,
      });
    h.close();
  });

  it('maps engine params to wire params', () => {
    expect(wireParamOfSeller('seller.registrations[2].type')).toBe('tax[registrations][2][type]');
    expect(wireParamOfSeller('seller.pricesIncludeTaxIn[0]')).toBe('tax[prices_include_tax_in][0]');
    expect(wireParamOfSeller('seller.country')).toBe('tax[country]');
  });

  it('needs a secret key', async () => {
    const h = await setup();
    expect((await h.call('GET', '/v1/settings/seller', { key: PK_TEST })).status).toBe(403);
    h.close();
  });
});

describe('/v1/settings/billing', () => {
  it('defaults to core’s plan-change policy and a 1, 3, 5, 7 day dunning', async () => {
    const h = await setup();
    const body = await h.json('GET', '/v1/settings/billing');
    expect(body).toEqual({
      object: 'billing_settings',
      livemode: false,
      plan_change_policy: { ...defaultPlanChangePolicy },
      plan_change_policy_by_group: {},
      proration_behavior: 'create_prorations',
      dunning: { retry_days: [1, 3, 5, 7], retries_exhausted: 'canceled' },
      portal: { allow_cancel_now: false, allow_pause: true, retention_coupon: null },
    });
    h.close();
  });

  it('stores a policy per group and exposes it to other services', async () => {
    const h = await setup();
    const coupon = await h.json<{ id: string }>('POST', '/v1/coupons', {
      body: { percent_off: 30, duration: 'repeating', duration_in_months: 3 },
    });
    await h.json('POST', '/v1/settings/billing', {
      body: {
        plan_change_policy: { downgrade: 'now' },
        plan_change_policy_by_group: { plans: { upgrade: 'period_end' } },
        proration_behavior: 'always_invoice',
        dunning: { retry_days: [2, 4, 8], retries_exhausted: 'unpaid' },
        portal: { allow_cancel_now: true, retention_coupon: coupon.id },
      },
    });
    const settings = await loadBillingSettings(h.db, false);
    expect(settings).toMatchObject({
      prorationBehavior: 'always_invoice',
      dunningRetryDays: [2, 4, 8],
      retriesExhausted: 'unpaid',
      allowCancelNow: true,
      allowPause: true,
      retentionCouponId: coupon.id,
    });
    expect(planChangePolicyFor(settings, 'plans')).toEqual({
      ...defaultPlanChangePolicy,
      downgrade: 'now',
      upgrade: 'period_end',
    });
    expect(planChangePolicyFor(settings, null)).toEqual({ ...defaultPlanChangePolicy, downgrade: 'now' });
    // Live keeps its defaults.
    expect((await loadBillingSettings(h.db, true)).prorationBehavior).toBe('create_prorations');
    h.close();
  });

  it('answers 400 with the param for invalid settings', async () => {
    const h = await setup();
    const cases: [unknown, string][] = [
      [{ dunning: { retry_days: [3, 1] } }, 'dunning[retry_days][1]'],
      [{ dunning: { retry_days: [0] } }, 'dunning[retry_days][0]'],
      [{ dunning: { retries_exhausted: 'deleted' } }, 'dunning[retries_exhausted]'],
      [{ plan_change_policy: { upgrade: 'tomorrow' } }, 'plan_change_policy[upgrade]'],
      [{ plan_change_policy_by_group: { 'bad group!': {} } }, 'plan_change_policy_by_group[bad group!]'],
      [{ proration_behavior: 'sometimes' }, 'proration_behavior'],
      [{ portal: { retention_coupon: 'coupon_missing' } }, 'portal[retention_coupon]'],
    ];
    for (const [body, param] of cases)
      expect(await errorParam(h, '/v1/settings/billing', body), JSON.stringify(body)).toEqual({
        status: 400,
        param,
      });
    h.close();
  });
});
