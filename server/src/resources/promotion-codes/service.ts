import type { PromotionCodeCreateParams, PromotionCodeListParams, PromotionCodeUpdateParams } from '@abona/api';
import { fromIso } from '@abona/core';
import type { Clock } from '../../clock/index.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { PromotionCodeRow } from '../../db/schema.js';
import { InvalidRequest, InvariantBroken, NotFound } from '../../errors/index.js';
import { pageRequest, type Page } from '../../http/pagination.js';
import type { IdGenerator } from '../../ids/index.js';
import type { CouponRepository } from '../coupons/repository.js';
import type { CustomerRepository } from '../customers/repository.js';
import { normalizeCurrency } from '../prices/definition.js';
import { mergeMetadata } from '../products/service.js';
import type { PromotionCodeRepository } from './repository.js';
import type { PromotionCodeView } from './serialize.js';

export interface PromotionCodeServiceDeps {
  promotionCodes: PromotionCodeRepository;
  coupons: CouponRepository;
  customers: CustomerRepository;
  clock: Clock;
  ids: IdGenerator;
}

/** Promotion codes: customer-facing codes of a coupon, unique per mode regardless of case. */
export function promotionCodeService(deps: PromotionCodeServiceDeps) {
  const { promotionCodes, coupons, customers, clock, ids } = deps;

  async function withCoupons(livemode: boolean, rows: PromotionCodeRow[]): Promise<PromotionCodeView[]> {
    const found = await coupons.findMany(livemode, [...new Set(rows.map((row) => row.couponId))]);
    const byId = new Map(found.map((coupon) => [coupon.id, coupon]));
    return rows.map((row) => {
      const coupon = byId.get(row.couponId);
      // The foreign key guarantees it; a miss is a broken database, not a bad request.
      if (!coupon) throw new InvariantBroken(`promotion code ${row.id} points at missing coupon ${row.couponId}`);
      return { code: row, coupon };
    });
  }

  async function view(livemode: boolean, row: PromotionCodeRow): Promise<PromotionCodeView> {
    const [one] = await withCoupons(livemode, [row]);
    return one as PromotionCodeView;
  }

  async function get(livemode: boolean, id: string): Promise<PromotionCodeRow> {
    const row = await promotionCodes.find(livemode, id);
    if (!row) throw new NotFound('promotion_code', id);
    return row;
  }

  return {
    retrieve: async (livemode: boolean, id: string) => view(livemode, await get(livemode, id)),

    async create(livemode: boolean, params: PromotionCodeCreateParams): Promise<PromotionCodeView> {
      const coupon = await coupons.find(livemode, params.coupon);
      if (!coupon) throw new InvalidRequest(`No such coupon: '${params.coupon}'`, 'coupon', 'resource_missing');
      if (params.customer !== undefined && !(await customers.find(livemode, params.customer))) {
        throw new InvalidRequest(`No such customer: '${params.customer}'`, 'customer', 'resource_missing');
      }
      const nowMs = clock.now();
      const expiresAt = params.expires_at === undefined ? null : fromIso(params.expires_at, 'expires_at');
      if (expiresAt !== null && expiresAt <= nowMs) throw new InvalidRequest('expires_at must be in the future', 'expires_at');
      const restrictions = params.restrictions ?? {};
      if ((restrictions.minimum_amount === undefined) !== (restrictions.minimum_amount_currency === undefined)) {
        throw new InvalidRequest('minimum_amount and minimum_amount_currency go together', 'restrictions[minimum_amount_currency]');
      }
      const code = params.code ?? ids.random(10).toUpperCase();
      try {
        const row = await promotionCodes.insert({
          id: ids.next('promo'),
          livemode,
          createdAt: nowMs,
          updatedAt: nowMs,
          code,
          codeKey: code.toUpperCase(),
          couponId: coupon.id,
          active: params.active ?? true,
          customerId: params.customer ?? null,
          expiresAt,
          maxRedemptions: params.max_redemptions ?? null,
          timesRedeemed: 0,
          firstTimeTransaction: restrictions.first_time_transaction ?? false,
          minimumAmount: restrictions.minimum_amount ?? null,
          minimumAmountCurrency:
            restrictions.minimum_amount_currency === undefined ? null : normalizeCurrency(restrictions.minimum_amount_currency, 'restrictions[minimum_amount_currency]'),
          metadata: params.metadata ?? {},
        });
        return { code: row, coupon };
      } catch (error) {
        if (isUniqueViolation(error)) throw new InvalidRequest(`The promotion code '${code}' already exists`, 'code', 'resource_already_exists');
        throw error;
      }
    },

    async update(livemode: boolean, id: string, params: PromotionCodeUpdateParams): Promise<PromotionCodeView> {
      const current = await get(livemode, id);
      const patch: Partial<PromotionCodeRow> = { updatedAt: clock.now() };
      if (params.active !== undefined) patch.active = params.active;
      if (params.metadata !== undefined) patch.metadata = mergeMetadata(current.metadata, params.metadata);
      const row = await promotionCodes.update(livemode, id, patch);
      if (!row) throw new NotFound('promotion_code', id);
      return view(livemode, row);
    },

    async list(livemode: boolean, params: PromotionCodeListParams): Promise<Page<PromotionCodeView>> {
      const page = await promotionCodes.list(
        livemode,
        { active: params.active, codeKey: params.code?.toUpperCase(), couponId: params.coupon, customerId: params.customer },
        pageRequest(params),
      );
      return { rows: await withCoupons(livemode, page.rows), hasMore: page.hasMore };
    },
  };
}
export type PromotionCodeService = ReturnType<typeof promotionCodeService>;
