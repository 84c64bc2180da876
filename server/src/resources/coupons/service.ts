import type { CouponCreateParams, CouponListParams, CouponUpdateParams } from '@abona/api';
import { fromIso, type Coupon as CoreCoupon, type CurrencyCode } from '@abona/core';
import type { Clock } from '../../clock/index.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { CouponRow } from '../../db/schema.js';
import { InvalidRequest, NotFound } from '../../errors/index.js';
import { pageRequest, type Page } from '../../http/pagination.js';
import type { IdGenerator } from '../../ids/index.js';
import { normalizeCurrency } from '../prices/definition.js';
import type { ProductRepository } from '../products/repository.js';
import { mergeMetadata } from '../products/service.js';
import type { CouponRepository } from './repository.js';

export interface CouponServiceDeps {
  coupons: CouponRepository;
  products: ProductRepository;
  clock: Clock;
  ids: IdGenerator;
}

/** Coupons: the discount is fixed at creation; name and metadata may change; delete hides it. */
export function couponService(deps: CouponServiceDeps) {
  const { coupons, products, clock, ids } = deps;

  async function get(livemode: boolean, id: string): Promise<CouponRow> {
    const row = await coupons.find(livemode, id);
    if (!row) throw new NotFound('coupon', id);
    return row;
  }

  return {
    retrieve: get,

    async create(livemode: boolean, params: CouponCreateParams): Promise<CouponRow> {
      const hasPercent = params.percent_off !== undefined;
      const hasAmount = params.amount_off !== undefined;
      if (hasPercent === hasAmount) throw new InvalidRequest('Pass exactly one of percent_off or amount_off', 'percent_off');
      if (hasAmount && params.currency === undefined) throw new InvalidRequest('amount_off needs a currency', 'currency');
      if (!hasAmount && params.currency !== undefined) throw new InvalidRequest('currency goes with amount_off', 'currency');
      if (!hasAmount && params.currency_options !== undefined) throw new InvalidRequest('currency_options go with amount_off', 'currency_options');
      const currency = params.currency === undefined ? null : normalizeCurrency(params.currency, 'currency');
      const currencyOptions: Record<string, number> = {};
      for (const [raw, option] of Object.entries(params.currency_options ?? {})) {
        const code = normalizeCurrency(raw, `currency_options[${raw}]`);
        if (code === currency || currencyOptions[code] !== undefined) throw new InvalidRequest(`currency_options repeats ${code}`, `currency_options[${raw}]`);
        currencyOptions[code] = option.amount_off;
      }
      const duration = params.duration ?? 'once';
      if (duration === 'repeating' && params.duration_in_months === undefined) {
        throw new InvalidRequest('A repeating coupon needs duration_in_months', 'duration_in_months');
      }
      if (duration !== 'repeating' && params.duration_in_months !== undefined) {
        throw new InvalidRequest('duration_in_months is only for duration "repeating"', 'duration_in_months');
      }
      const nowMs = clock.now();
      const redeemBy = params.redeem_by === undefined ? null : fromIso(params.redeem_by, 'redeem_by');
      if (redeemBy !== null && redeemBy <= nowMs) throw new InvalidRequest('redeem_by must be in the future', 'redeem_by');
      const productIds = params.applies_to?.products;
      if (productIds) {
        for (const [i, productId] of productIds.entries()) {
          if (!(await products.find(livemode, productId))) {
            throw new InvalidRequest(`No such product: '${productId}'`, `applies_to[products][${i}]`, 'resource_missing');
          }
        }
      }
      try {
        return await coupons.insert({
          id: ids.next('coupon'),
          livemode,
          createdAt: nowMs,
          updatedAt: nowMs,
          name: params.name ?? null,
          // 12.5 → "12.5": the schema allows at most two decimals, which String() writes exactly.
          percentOff: params.percent_off === undefined ? null : String(params.percent_off),
          amountOff: params.amount_off ?? null,
          currency,
          currencyOptions,
          duration,
          durationInMonths: params.duration_in_months ?? null,
          appliesToProducts: productIds ? [...new Set(productIds)] : null,
          maxRedemptions: params.max_redemptions ?? null,
          redeemBy,
          timesRedeemed: 0,
          lookupKey: params.lookup_key ?? null,
          metadata: params.metadata ?? {},
          deletedAt: null,
        });
      } catch (error) {
        if (isUniqueViolation(error) && params.lookup_key) {
          throw new InvalidRequest(`A coupon with lookup_key '${params.lookup_key}' already exists`, 'lookup_key', 'resource_already_exists');
        }
        throw error;
      }
    },

    async update(livemode: boolean, id: string, params: CouponUpdateParams): Promise<CouponRow> {
      const current = await get(livemode, id);
      const patch: Partial<CouponRow> = { updatedAt: clock.now() };
      if (params.name !== undefined) patch.name = params.name;
      if (params.metadata !== undefined) patch.metadata = mergeMetadata(current.metadata, params.metadata);
      const row = await coupons.update(livemode, id, patch);
      if (!row) throw new NotFound('coupon', id);
      return row;
    },

    list(livemode: boolean, params: CouponListParams): Promise<Page<CouponRow>> {
      return coupons.list(livemode, pageRequest(params));
    },

    /** Hides the coupon; discounts already granted keep working, no new redemptions. */
    async remove(livemode: boolean, id: string): Promise<void> {
      await get(livemode, id);
      const nowMs = clock.now();
      await coupons.update(livemode, id, { deletedAt: nowMs, updatedAt: nowMs });
    },
  };
}
export type CouponService = ReturnType<typeof couponService>;

/** The engine's view of a coupon, for discount math. */
export function toCoreCoupon(row: CouponRow): CoreCoupon {
  const coupon: CoreCoupon = { id: row.id, duration: row.duration };
  if (row.percentOff !== null) coupon.percentOff = row.percentOff;
  if (row.amountOff !== null && row.currency !== null) {
    coupon.amountOff = { [row.currency]: row.amountOff, ...row.currencyOptions } as Partial<Record<CurrencyCode, number>>;
  }
  if (row.durationInMonths !== null) coupon.durationInMonths = row.durationInMonths;
  if (row.appliesToProducts !== null) coupon.appliesToProductIds = row.appliesToProducts;
  return coupon;
}
