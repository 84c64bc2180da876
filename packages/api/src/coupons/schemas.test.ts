import { describe, it, expect } from 'vitest';
import { CouponCreateParams } from './schemas.js';
import { PromotionCodeCreateParams } from '../promotion-codes/schemas.js';
import { CustomerCreateParams } from '../customers/schemas.js';

describe('coupon, promotion code and customer schemas', () => {
  it('percent_off takes at most two decimals within (0, 100]', () => {
    expect(CouponCreateParams.safeParse({ percent_off: 20 }).success).toBe(true);
    expect(CouponCreateParams.safeParse({ percent_off: 12.5 }).success).toBe(true);
    expect(CouponCreateParams.safeParse({ percent_off: 33.33 }).success).toBe(true);
    expect(CouponCreateParams.safeParse({ percent_off: 33.333 }).success).toBe(false);
    expect(CouponCreateParams.safeParse({ percent_off: 0 }).success).toBe(false);
    expect(CouponCreateParams.safeParse({ percent_off: 100.01 }).success).toBe(false);
  });

  it('promotion codes are letters, digits, - and _', () => {
    expect(PromotionCodeCreateParams.safeParse({ coupon: 'coupon_1', code: 'DEMO20' }).success).toBe(true);
    expect(PromotionCodeCreateParams.safeParse({ coupon: 'coupon_1', code: 'DEMO 20' }).success).toBe(false);
  });

  it('customers take an address with an upper-case country and typed tax ids', () => {
    const ok = CustomerCreateParams.safeParse({
      email: 'ana@example.ro',
      address: { line1: 'Str. Lunga 1', city: 'Cluj', country: 'RO' },
      tax_ids: [{ type: 'eu_vat', value: 'RO123456' }],
      locale: 'ro-RO',
      preferred_currency: 'RON',
    });
    expect(ok.success).toBe(true);
    expect(CustomerCreateParams.safeParse({ address: { country: 'ro' } }).success).toBe(false);
    expect(CustomerCreateParams.safeParse({ email: 'not-an-email' }).success).toBe(false);
    expect(CustomerCreateParams.safeParse({ tax_ids: [{ type: 'VAT', value: 'x' }] }).success).toBe(false);
  });
});
