import type { BillingSettingsParams, SellerSettingsParams } from '@abona/api';
import { countryCodes, InvalidInputError, isCurrencyCode } from '@abona/core';
import { loadSeller, saveSeller, type SellerSettings } from '../../billing/seller.js';
import type { Clock } from '../../clock/index.js';
import type { Db } from '../../db/client.js';
import { InvalidRequest } from '../../errors/index.js';
import { BILLING_SETTINGS_KEY, loadBillingSettings, type BillingSettings } from './billing.js';
import { settingsRepository } from './repository.js';

export interface SettingsServiceDeps {
  db: Db;
  clock: Clock;
  /** Called after a change is committed (pricing drops its cached seller). */
  onChange?: (livemode: boolean) => void;
}

const knownCountries = new Set(countryCodes);

function checkCountry(code: string, param: string): string {
  const upper = code.toUpperCase();
  if (!knownCountries.has(upper))
    throw new InvalidRequest(`Unknown country: '${code}'`, param, 'invalid_country');
  return upper;
}

/** core's `seller.registrations[0].country` → the wire's `tax[registrations][0][country]`. */
export function wireParamOfSeller(param: string | undefined): string {
  if (!param) return 'tax';
  const snake = param.replace(/^seller\.?/, '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const parts = snake.split(/[.[\]]+/).filter((part) => part !== '');
  return ['tax', ...parts].map((part, i) => (i === 0 ? part : `[${part}]`)).join('');
}

function sellerFrom(current: SellerSettings, params: SellerSettingsParams): SellerSettings {
  const next: SellerSettings = { ...current, address: { ...current.address }, tax: current.tax };
  if (params.name !== undefined) next.name = params.name;
  if (params.email !== undefined) {
    if (params.email === null) delete next.email;
    else next.email = params.email;
  }
  if (params.address !== undefined) {
    const a = params.address;
    next.address = { country: checkCountry(a.country, 'address[country]') };
    if (a.line1 !== undefined) next.address.line1 = a.line1;
    if (a.city !== undefined) next.address.city = a.city;
    if (a.postal_code !== undefined) next.address.postalCode = a.postal_code;
    if (a.state !== undefined) next.address.state = a.state.toUpperCase();
  }
  if (params.tax !== undefined) {
    const t = params.tax;
    next.tax = {
      country: checkCountry(t.country, 'tax[country]'),
      ...(t.state !== undefined ? { state: t.state } : {}),
      registrations: t.registrations.map((r, i) => ({
        country: checkCountry(r.country, `tax[registrations][${i}][country]`),
        ...(r.state !== undefined ? { state: r.state } : {}),
        ...(r.type !== undefined ? { type: r.type } : {}),
        ...(r.tax_id !== undefined ? { taxId: r.tax_id } : {}),
      })),
      ...(t.prices_include_tax_in !== undefined
        ? {
            pricesIncludeTaxIn: t.prices_include_tax_in.map((c, i) =>
              checkCountry(c, `tax[prices_include_tax_in][${i}]`),
            ),
          }
        : {}),
    };
  }
  if (params.default_currency !== undefined) {
    const code = params.default_currency.toUpperCase();
    if (!isCurrencyCode(code))
      throw new InvalidRequest(
        `Unknown currency: '${params.default_currency}'`,
        'default_currency',
        'invalid_currency',
      );
    next.defaultCurrency = code;
  }
  return next;
}

function billingFrom(current: BillingSettings, params: BillingSettingsParams): BillingSettings {
  const next: BillingSettings = { ...current };
  if (params.plan_change_policy !== undefined)
    next.planChangePolicy = { ...current.planChangePolicy, ...params.plan_change_policy };
  if (params.plan_change_policy_by_group !== undefined)
    next.planChangePolicyByGroup = params.plan_change_policy_by_group;
  if (params.proration_behavior !== undefined) next.prorationBehavior = params.proration_behavior;
  const dunning = params.dunning;
  if (dunning?.retry_days !== undefined) {
    dunning.retry_days.forEach((day, i) => {
      const previous = dunning.retry_days?.[i - 1];
      if (previous !== undefined && day <= previous) {
        throw new InvalidRequest(
          'retry_days must ascend strictly (days after the first failure)',
          `dunning[retry_days][${i}]`,
        );
      }
    });
    next.dunningRetryDays = dunning.retry_days;
  }
  if (dunning?.retries_exhausted !== undefined) next.retriesExhausted = dunning.retries_exhausted;
  const portal = params.portal;
  if (portal?.allow_cancel_now !== undefined) next.allowCancelNow = portal.allow_cancel_now;
  if (portal?.allow_pause !== undefined) next.allowPause = portal.allow_pause;
  if (portal?.retention_coupon !== undefined) next.retentionCouponId = portal.retention_coupon;
  return next;
}

/** Seller identity and billing settings of each mode; each change is one transaction (read, merge, write). */
export function settingsService(deps: SettingsServiceDeps) {
  const { db, clock } = deps;
  return {
    seller: (livemode: boolean): Promise<SellerSettings> => loadSeller(db, livemode),

    async updateSeller(livemode: boolean, params: SellerSettingsParams): Promise<SellerSettings> {
      const saved = await db.transaction(async (tx) => {
        const next = sellerFrom(await loadSeller(tx, livemode), params);
        try {
          return await saveSeller(tx, livemode, next, clock.now());
        } catch (error) {
          // The engine names its own fields; the vendor sent the wire's.
          if (error instanceof InvalidInputError)
            throw new InvalidRequest(error.message, wireParamOfSeller(error.param));
          throw error;
        }
      });
      deps.onChange?.(livemode);
      return saved;
    },

    billing: (livemode: boolean): Promise<BillingSettings> => loadBillingSettings(db, livemode),

    async updateBilling(livemode: boolean, params: BillingSettingsParams): Promise<BillingSettings> {
      const saved = await db.transaction(async (tx) => {
        const next = billingFrom(await loadBillingSettings(tx, livemode), params);
        if (params.portal?.retention_coupon) {
          if (!(await settingsRepository(tx).couponExists(livemode, params.portal.retention_coupon))) {
            throw new InvalidRequest(
              `No such coupon: '${params.portal.retention_coupon}'`,
              'portal[retention_coupon]',
              'resource_missing',
            );
          }
        }
        await settingsRepository(tx).write(livemode, BILLING_SETTINGS_KEY, next, clock.now());
        return next;
      });
      deps.onChange?.(livemode);
      return saved;
    },
  };
}
export type SettingsService = ReturnType<typeof settingsService>;
