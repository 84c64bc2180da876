import type { Product } from '../catalog/index.js';
import { InvalidInputError } from '../errors/index.js';
import { priceAmount } from '../pricing/index.js';
import { itemsInterval, sameInterval, type SubscriptionItem } from '../subscription/index.js';
import type { ChangeKind } from './types.js';

/**
 * The amount per period of the licensed items, minor units. Metered items are billed in
 * arrears on usage nobody knows yet, so they do not count towards the direction.
 */
export function licensedPeriodAmount(items: readonly SubscriptionItem[]): number {
  return items
    .filter((item) => item.price.recurring?.usageType === 'licensed')
    .reduce((sum, item) => sum + priceAmount(item.price, item.quantity), 0);
}

/** True when both sets hold the same prices at the same quantities, in any order. */
export function sameItems(a: readonly SubscriptionItem[], b: readonly SubscriptionItem[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x) => b.some((y) => y.priceId === x.priceId && y.quantity === x.quantity));
}

/**
 * Decides what kind of change `newItems` is relative to `oldItems` (see {@link ChangeKind}).
 * Both sets are in one interval each (the subscription module's item rules).
 *
 * @throws InvalidInputError (param `newItems`) when nothing changes.
 */
export function classifyChange(
  oldItems: readonly SubscriptionItem[],
  newItems: readonly SubscriptionItem[],
  products: readonly Product[] = [],
): ChangeKind {
  if (sameItems(oldItems, newItems)) throw new InvalidInputError('The new items are the current items', 'newItems');
  if (!sameInterval(itemsInterval(oldItems), itemsInterval(newItems, 'newItems'))) return 'interval_change';

  const delta = licensedPeriodAmount(newItems) - licensedPeriodAmount(oldItems);
  const samePrices = oldItems.length === newItems.length && oldItems.every((o) => newItems.some((n) => n.priceId === o.priceId));
  if (samePrices) {
    const seats = (items: readonly SubscriptionItem[]) => items.reduce((sum, item) => sum + item.quantity, 0);
    const direction = Math.sign(delta) || Math.sign(seats(newItems) - seats(oldItems));
    if (direction > 0) return 'seat_increase';
    if (direction < 0) return 'seat_decrease';
    return 'lateral';
  }

  const rankDirection = compareRank(oldItems, newItems, products);
  const direction = rankDirection || Math.sign(delta);
  if (direction > 0) return 'upgrade';
  if (direction < 0) return 'downgrade';
  return 'lateral';
}

/**
 * Sign of (new rank − old rank) for the first product of each side that sits in a group both
 * sides share, 0 when the catalog does not rank them.
 */
function compareRank(
  oldItems: readonly SubscriptionItem[],
  newItems: readonly SubscriptionItem[],
  products: readonly Product[],
): number {
  const ranked = (items: readonly SubscriptionItem[]) =>
    items
      .map((item) => products.find((p) => p.id === item.price.productId))
      .filter((p): p is Product & { group: string; rank: number } => p?.group !== undefined && p.rank !== undefined);
  const before = ranked(oldItems);
  const after = ranked(newItems);
  for (const o of before) {
    const n = after.find((p) => p.group === o.group);
    if (n) return Math.sign(n.rank - o.rank);
  }
  return 0;
}
