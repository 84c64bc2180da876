import type { Price } from '../catalog/index.js';
import type { CurrencyCode } from '../money/index.js';
import type { Interval } from '../time/index.js';
import type { Subscription, SubscriptionItem } from './types.js';

/**
 * Small builders for tests here and in plan-change/. Not exported from the package index:
 * they pick defaults no real subscription should rely on.
 */

/** Epoch ms of an ISO-8601 UTC instant, for literal dates in tests. */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad test date ${iso}`);
  return ms;
}

export const monthly: Interval = { unit: 'month', count: 1 };
export const yearly: Interval = { unit: 'year', count: 1 };

/** A licensed flat price of `amount` minor units per interval. */
export function flatPrice(id: string, productId: string, amount: number, interval: Interval = monthly, currency: CurrencyCode = 'EUR'): Price {
  return {
    id,
    productId,
    currency,
    model: { type: 'flat', amount },
    recurring: { interval, usageType: 'licensed' },
    taxBehavior: 'exclusive',
  };
}

/** A licensed per-seat price of `unitAmount` minor units per seat per interval. */
export function seatPrice(id: string, productId: string, unitAmount: number, interval: Interval = monthly, currency: CurrencyCode = 'EUR'): Price {
  return {
    id,
    productId,
    currency,
    model: { type: 'per_unit', unitAmount },
    recurring: { interval, usageType: 'licensed' },
    taxBehavior: 'exclusive',
  };
}

export function item(price: Price, quantity = 1): SubscriptionItem {
  return { priceId: price.id, quantity, price };
}

/** An active monthly subscription to a €29 flat price, anchored 2026-11-01 UTC, overridable. */
export function subscription(overrides: Partial<Subscription> = {}): Subscription {
  return {
    id: 'sub_test',
    customerId: 'cus_test',
    status: 'active',
    items: [item(flatPrice('price_pro', 'prod_pro', 2900))],
    anchorMs: at('2026-11-01T00:00:00Z'),
    timeZone: 'UTC',
    currentPeriod: { startMs: at('2026-11-01T00:00:00Z'), endMs: at('2026-12-01T00:00:00Z') },
    cancelAtPeriodEnd: false,
    discounts: [],
    version: 1,
    ...overrides,
  };
}
