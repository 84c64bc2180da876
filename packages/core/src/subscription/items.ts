import { InvalidInputError } from '../errors/index.js';
import type { CurrencyCode } from '../money/index.js';
import { assertQuantity } from '../pricing/index.js';
import type { Interval } from '../time/index.js';
import type { SubscriptionItem } from './types.js';

/**
 * Throws unless `items` can make one subscription: at least one item, each a recurring price
 * whose id matches `priceId`, each price once, with a non-negative integer quantity, all in one
 * currency and one billing interval (one invoice per period needs both).
 */
export function assertItems(items: readonly SubscriptionItem[], param = 'items'): readonly SubscriptionItem[] {
  if (items.length === 0) throw new InvalidInputError('A subscription needs at least one item', param);
  items.forEach((item, i) => {
    if (item.priceId !== item.price.id) {
      throw new InvalidInputError(`${param}[${i}].priceId does not match its price`, param);
    }
    if (item.price.recurring === null) {
      throw new InvalidInputError(`${param}[${i}] is a one-time price`, param);
    }
    assertQuantity(item.quantity, `${param}[${i}].quantity`);
  });
  // Items are matched by price when prorating, so one price may appear once.
  if (new Set(items.map((item) => item.priceId)).size !== items.length) {
    throw new InvalidInputError('A price may appear only once per subscription', param);
  }
  itemsCurrency(items, param);
  itemsInterval(items, param);
  return items;
}

/** The one currency of `items`. */
export function itemsCurrency(items: readonly SubscriptionItem[], param = 'items'): CurrencyCode {
  const currency = items[0]?.price.currency;
  if (currency === undefined) throw new InvalidInputError('A subscription needs at least one item', param);
  if (items.some((item) => item.price.currency !== currency)) {
    throw new InvalidInputError('All items must be in one currency', param);
  }
  return currency;
}

/** The one billing interval of `items`. */
export function itemsInterval(items: readonly SubscriptionItem[], param = 'items'): Interval {
  const first = items[0]?.price.recurring;
  if (!first) throw new InvalidInputError('A subscription needs at least one recurring item', param);
  for (const item of items) {
    if (!item.price.recurring || !sameInterval(item.price.recurring.interval, first.interval)) {
      throw new InvalidInputError('All items must share one billing interval', param);
    }
  }
  return first.interval;
}

export function sameInterval(a: Interval, b: Interval): boolean {
  return a.unit === b.unit && a.count === b.count;
}
