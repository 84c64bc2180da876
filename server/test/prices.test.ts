import { describe, it, expect, beforeEach } from 'vitest';
import { ErrorEnvelope, Price } from '@abona/api';
import { priceRepository } from '../src/resources/prices/repository.js';
import { toCorePrice } from '../src/resources/prices/to-core.js';
import { setup, type Harness } from './helpers.js';

let h: Harness;
let productId: string;
beforeEach(async () => {
  h = await setup();
  productId = (await h.json<{ id: string }>('POST', '/v1/products', { body: { name: 'API' } })).id;
});

const createPrice = (body: Record<string, unknown>, status = 200) => h.json('POST', '/v1/prices', { body: { product: productId, currency: 'EUR', ...body } }, status);
const errorOf = async (body: Record<string, unknown>) => (await createPrice(body, 400) as ErrorEnvelope).error;

describe('prices', () => {
  it('creates a monthly per-unit price with currency options', async () => {
    const price = Price.parse(
      await createPrice({ currency: 'eur', unit_amount: 2900, recurring: { interval: 'month' }, currency_options: { usd: { unit_amount: 3200 } }, lookup_key: 'pro_monthly' }),
    );
    expect(price).toMatchObject({
      id: 'price_000001',
      currency: 'EUR',
      type: 'recurring',
      billing_scheme: 'per_unit',
      unit_amount: 2900,
      unit_amount_decimal: '2900',
      recurring: { interval: 'month', interval_count: 1, usage_type: 'licensed', aggregate_usage: null },
      tax_behavior: 'unspecified',
      currency_options: { USD: { unit_amount: 3200, unit_amount_decimal: '3200', tiers: null, tax_behavior: 'unspecified', minimum_amount: null } },
    });
    const row = await priceRepository(h.db).find(false, price.id);
    expect(toCorePrice(row!, 'USD')).toEqual({
      id: 'price_000001',
      productId,
      currency: 'USD',
      model: { type: 'per_unit', unitAmount: 3200 },
      recurring: { interval: { unit: 'month', count: 1 }, usageType: 'licensed' },
      taxBehavior: 'unspecified',
    });
    expect(() => toCorePrice(row!, 'RON')).toThrow(/not offered in RON/);
  });

  it('creates a graduated metered price with a free allowance and a decimal unit amount', async () => {
    const price = Price.parse(
      await createPrice({
        billing_scheme: 'tiered',
        tiers_mode: 'graduated',
        tiers: [
          { up_to: 10000, unit_amount: 0 },
          { up_to: 'inf', unit_amount_decimal: '0.2' },
        ],
        recurring: { interval: 'month', usage_type: 'metered' },
      }),
    );
    expect(price.tiers).toEqual([
      { up_to: 10000, unit_amount: 0, unit_amount_decimal: '0', flat_amount: null },
      { up_to: null, unit_amount: null, unit_amount_decimal: '0.2', flat_amount: null },
    ]);
    expect(price.recurring?.aggregate_usage).toBe('sum');
    const row = await priceRepository(h.db).find(false, price.id);
    expect(toCorePrice(row!).model).toEqual({ type: 'graduated', tiers: [{ upTo: 10000, unitAmount: 0 }, { upTo: null, unitAmountDecimal: '0.2' }] });
  });

  it('maps transform_quantity to the package model', async () => {
    const price = Price.parse(await createPrice({ unit_amount: 500, transform_quantity: { divide_by: 1000, round: 'up' } }));
    const row = await priceRepository(h.db).find(false, price.id);
    expect(toCorePrice(row!).model).toEqual({ type: 'package', packageAmount: 500, packageSize: 1000, rounding: 'up' });
  });

  it('checks cross-field rules, naming the param', async () => {
    expect(await errorOf({})).toMatchObject({ param: 'unit_amount' });
    expect(await errorOf({ unit_amount: 1, unit_amount_decimal: '1' })).toMatchObject({ param: 'unit_amount_decimal' });
    expect(await errorOf({ currency: 'XYZ', unit_amount: 1 })).toMatchObject({ param: 'currency', code: 'invalid_currency' });
    expect(await errorOf({ product: 'prod_nope', unit_amount: 1 })).toMatchObject({ param: 'product', code: 'resource_missing' });
    expect(await errorOf({ billing_scheme: 'tiered', tiers: [{ up_to: 'inf', unit_amount: 1 }] })).toMatchObject({ param: 'tiers_mode' });
    const tiered = { billing_scheme: 'tiered', tiers_mode: 'volume' };
    expect(await errorOf({ ...tiered, tiers: [{ up_to: 10, unit_amount: 1 }] })).toMatchObject({ param: 'tiers[0][up_to]' });
    expect(await errorOf({ ...tiered, tiers: [{ up_to: 10, unit_amount: 1 }, { up_to: 5, unit_amount: 1 }, { up_to: 'inf', unit_amount: 1 }] })).toMatchObject({ param: 'tiers[1][up_to]' });
    expect(await errorOf({ ...tiered, tiers: [{ up_to: 'inf' }] })).toMatchObject({ param: 'tiers[0][unit_amount]' });
    expect(await errorOf({ unit_amount: 1, recurring: { interval: 'month', aggregate_usage: 'max' } })).toMatchObject({ param: 'recurring[aggregate_usage]' });
    expect(await errorOf({ unit_amount: 1, trial_period_days: 14 })).toMatchObject({ param: 'trial_period_days' });
    expect(await errorOf({ unit_amount: 1, currency_options: { EUR: { unit_amount: 1 } } })).toMatchObject({ param: 'currency_options[EUR]' });
    expect(await errorOf({ unit_amount: 1, currency_options: { USD: {} } })).toMatchObject({ param: 'currency_options[USD][unit_amount]' });
    expect(
      await errorOf({
        ...tiered,
        tiers: [{ up_to: 10, unit_amount: 1 }, { up_to: 'inf', unit_amount: 1 }],
        currency_options: { USD: { tiers: [{ up_to: 20, unit_amount: 1 }, { up_to: 'inf', unit_amount: 1 }] } },
      }),
    ).toMatchObject({ param: 'currency_options[USD][tiers]' });
  });

  it('updates only mutable fields; amounts are immutable', async () => {
    const price = Price.parse(await createPrice({ unit_amount: 100 }));
    const updated = await h.json('POST', `/v1/prices/${price.id}`, { body: { nickname: 'Launch', active: false, tax_behavior: 'exclusive' } });
    expect(updated).toMatchObject({ nickname: 'Launch', active: false, tax_behavior: 'exclusive', unit_amount: 100 });
    const refused = await h.json<ErrorEnvelope>('POST', `/v1/prices/${price.id}`, { body: { unit_amount: 200 } }, 400);
    expect(refused.error.param).toBe('unit_amount');
  });

  it('a used price keeps its tax behavior', async () => {
    const price = Price.parse(await createPrice({ unit_amount: 100, tax_behavior: 'inclusive' }));
    await priceRepository(h.db).markUsed(false, price.id, h.clock.now());
    const res = await h.json<ErrorEnvelope>('POST', `/v1/prices/${price.id}`, { body: { tax_behavior: 'exclusive' } }, 400);
    expect(res.error).toMatchObject({ code: 'price_in_use', param: 'tax_behavior' });
    expect(await h.json('POST', `/v1/prices/${price.id}`, { body: { nickname: 'still fine' } })).toMatchObject({ nickname: 'still fine' });
  });

  it('lookup keys are unique per mode and can be transferred', async () => {
    const first = Price.parse(await createPrice({ unit_amount: 100, lookup_key: 'pro' }));
    expect((await errorOf({ unit_amount: 200, lookup_key: 'pro' })).code).toBe('resource_already_exists');
    const second = Price.parse(await createPrice({ unit_amount: 200, lookup_key: 'pro', transfer_lookup_key: true }));
    expect(second.lookup_key).toBe('pro');
    expect((await h.json<{ lookup_key: string | null }>('GET', `/v1/prices/${first.id}`)).lookup_key).toBeNull();
    const found = await h.json<{ data: { id: string }[] }>('GET', '/v1/prices?lookup_keys=pro&lookup_keys=other');
    expect(found.data.map((p) => p.id)).toEqual([second.id]);
  });

  it('lists with filters', async () => {
    await createPrice({ unit_amount: 100 });
    await createPrice({ unit_amount: 100, currency: 'USD', recurring: { interval: 'year' } });
    expect((await h.json<{ data: unknown[] }>('GET', '/v1/prices?currency=usd')).data).toHaveLength(1);
    expect((await h.json<{ data: unknown[] }>('GET', '/v1/prices?type=one_time')).data).toHaveLength(1);
    expect((await h.json<{ data: unknown[] }>(`GET`, `/v1/prices?product=${productId}&active=true`)).data).toHaveLength(2);
  });
});
