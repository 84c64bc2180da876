import { describe, it, expect, beforeEach } from 'vitest';
import { Coupon, ErrorEnvelope, PromotionCode } from '@abona/api';
import { couponRepository } from '../src/resources/coupons/repository.js';
import { toCoreCoupon } from '../src/resources/coupons/service.js';
import { setup, type Harness } from './helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await setup();
});

describe('coupons', () => {
  it('creates a percent-off coupon; stores the percent as a decimal string for the engine', async () => {
    const coupon = Coupon.parse(await h.json('POST', '/v1/coupons', { body: { name: '20 % off', percent_off: 12.5, duration: 'repeating', duration_in_months: 3 } }));
    expect(coupon).toMatchObject({ id: 'coupon_000001', percent_off: 12.5, amount_off: null, duration: 'repeating', duration_in_months: 3, valid: true, times_redeemed: 0 });
    const row = await couponRepository(h.db).find(false, coupon.id);
    expect(row?.percentOff).toBe('12.5');
    expect(toCoreCoupon(row!)).toEqual({ id: coupon.id, duration: 'repeating', percentOff: '12.5', durationInMonths: 3 });
  });

  it('creates an amount-off coupon in several currencies', async () => {
    const coupon = Coupon.parse(await h.json('POST', '/v1/coupons', { body: { amount_off: 500, currency: 'eur', currency_options: { USD: { amount_off: 600 } } } }));
    expect(coupon).toMatchObject({ amount_off: 500, currency: 'EUR', currency_options: { USD: { amount_off: 600 } }, duration: 'once' });
    const row = await couponRepository(h.db).find(false, coupon.id);
    expect(toCoreCoupon(row!).amountOff).toEqual({ EUR: 500, USD: 600 });
  });

  it('rejects inconsistent coupons with the param at fault', async () => {
    const bad = async (body: unknown) => (await h.json<ErrorEnvelope>('POST', '/v1/coupons', { body }, 400)).error.param;
    expect(await bad({})).toBe('percent_off');
    expect(await bad({ percent_off: 10, amount_off: 100, currency: 'EUR' })).toBe('percent_off');
    expect(await bad({ amount_off: 100 })).toBe('currency');
    expect(await bad({ percent_off: 10, duration: 'repeating' })).toBe('duration_in_months');
    expect(await bad({ percent_off: 10, redeem_by: '2020-01-01T00:00:00Z' })).toBe('redeem_by');
    expect(await bad({ percent_off: 10, applies_to: { products: ['prod_nope'] } })).toBe('applies_to[products][0]');
  });

  it('becomes invalid after redeem_by; delete hides it', async () => {
    const coupon = Coupon.parse(await h.json('POST', '/v1/coupons', { body: { percent_off: 10, redeem_by: '2025-01-16T00:00:00Z' } }));
    h.clock.advance(12 * 3600_000);
    expect((await h.json<{ valid: boolean }>('GET', `/v1/coupons/${coupon.id}`)).valid).toBe(false);
    expect(await h.json('DELETE', `/v1/coupons/${coupon.id}`)).toEqual({ id: coupon.id, object: 'coupon', deleted: true });
    expect((await h.call('GET', `/v1/coupons/${coupon.id}`)).status).toBe(404);
    expect((await h.json<{ data: unknown[] }>('GET', '/v1/coupons')).data).toEqual([]);
  });
});

describe('promotion codes', () => {
  it('creates a code for a coupon, embeds the coupon, and finds it case-insensitively', async () => {
    const coupon = Coupon.parse(await h.json('POST', '/v1/coupons', { body: { percent_off: 20, duration: 'forever' } }));
    const promo = PromotionCode.parse(await h.json('POST', '/v1/promotion_codes', { body: { coupon: coupon.id, code: 'DEMO20', max_redemptions: 100 } }));
    expect(promo).toMatchObject({ id: 'promo_000001', code: 'DEMO20', active: true, max_redemptions: 100, coupon: { id: coupon.id, percent_off: 20 } });
    const found = await h.json<{ data: { id: string }[] }>('GET', '/v1/promotion_codes?code=demo20');
    expect(found.data.map((p) => p.id)).toEqual([promo.id]);
    const dup = await h.json<ErrorEnvelope>('POST', '/v1/promotion_codes', { body: { coupon: coupon.id, code: 'demo20' } }, 400);
    expect(dup.error).toMatchObject({ code: 'resource_already_exists', param: 'code' });
    const off = await h.json('POST', `/v1/promotion_codes/${promo.id}`, { body: { active: false } });
    expect(off).toMatchObject({ active: false });
  });

  it('generates a code when none is given and checks its references', async () => {
    const coupon = Coupon.parse(await h.json('POST', '/v1/coupons', { body: { percent_off: 5 } }));
    const promo = PromotionCode.parse(await h.json('POST', '/v1/promotion_codes', { body: { coupon: coupon.id } }));
    expect(promo.code).toMatch(/^[A-Z0-9]{10}$/);
    const missing = await h.json<ErrorEnvelope>('POST', '/v1/promotion_codes', { body: { coupon: 'coupon_nope' } }, 400);
    expect(missing.error.param).toBe('coupon');
    const noCustomer = await h.json<ErrorEnvelope>('POST', '/v1/promotion_codes', { body: { coupon: coupon.id, customer: 'cus_nope' } }, 400);
    expect(noCustomer.error.param).toBe('customer');
  });
});
