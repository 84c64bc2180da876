import type { Product } from '../catalog/index.js';
import { describePeriod, linesForItems, type InvoiceLineDraft } from '../invoice/index.js';
import { scaleMinor } from '../money/index.js';
import { priceAmount } from '../pricing/index.js';
import type { SubscriptionItem } from '../subscription/index.js';
import { prorationFraction, type Period } from '../time/index.js';

/** What lines need besides the items: names, the customer's zone for dates, the tax default. */
export interface LineContext {
  timeZone: string;
  products: readonly Product[];
  defaultTaxBehavior: 'inclusive' | 'exclusive';
}

/** Product names by id, as the invoice module's line options take them. */
export function productNames(products: readonly Product[]): Record<string, string> {
  return Object.fromEntries(products.map((p) => [p.id, p.name]));
}

// Same wording as the invoice module's subscription lines, so one invoice reads alike.
function label(item: SubscriptionItem, ctx: LineContext): string {
  const name = ctx.products.find((p) => p.id === item.price.productId)?.name ?? item.price.productId;
  return item.quantity === 1 && item.price.model.type !== 'per_unit' ? name : `${name} × ${item.quantity}`;
}

function line(
  kind: InvoiceLineDraft['kind'],
  item: SubscriptionItem,
  amount: number,
  period: Period,
  description: string,
  ctx: LineContext,
): InvoiceLineDraft {
  const { price } = item;
  return {
    kind,
    description,
    amount,
    quantity: item.quantity,
    priceId: item.priceId,
    productId: price.productId,
    period,
    taxBehavior: price.taxBehavior === 'unspecified' ? ctx.defaultTaxBehavior : price.taxBehavior,
    ...(price.taxCode === undefined ? {} : { taxCode: price.taxCode }),
  };
}

const licensed = (item: SubscriptionItem) => item.price.recurring?.usageType === 'licensed';
const unchangedIn = (items: readonly SubscriptionItem[]) => (item: SubscriptionItem) =>
  items.some((other) => other.priceId === item.priceId && other.quantity === item.quantity);

/**
 * Proration lines for replacing `oldItems` by `newItems` at `atMs` within `period`, exact by
 * the second: each changed licensed item's period amount is scaled by remaining ÷ period
 * seconds and rounded once. Removed items are credited ("Unused time on …", negative) and
 * added ones charged ("Remaining time on …"); items that stay as they are, metered items
 * (billed on usage) and lines that come to 0 make no line. Credits come first.
 *
 * @example // €29 → €99 with 4.5 of 30 days left: −435 (Pro) and +1485 (Enterprise)
 * // "Unused time on Pro (26 Nov 2026 – 1 Dec 2026)", "Remaining time on Enterprise (…)"
 */
export function prorationLines(
  oldItems: readonly SubscriptionItem[],
  newItems: readonly SubscriptionItem[],
  period: Period,
  atMs: number,
  ctx: LineContext,
): InvoiceLineDraft[] {
  const { remainingSeconds, periodSeconds } = prorationFraction(period, atMs);
  if (remainingSeconds === 0) return [];
  const rest: Period = { startMs: Math.min(Math.max(atMs, period.startMs), period.endMs), endMs: period.endMs };
  const range = describePeriod(rest, ctx.timeZone);
  const prorate = (item: SubscriptionItem) => scaleMinor(priceAmount(item.price, item.quantity), remainingSeconds, periodSeconds);

  const credits = oldItems
    .filter((item) => licensed(item) && !unchangedIn(newItems)(item))
    .map((item) => line('proration', item, -prorate(item), rest, `Unused time on ${label(item, ctx)} (${range})`, ctx));
  const charges = newItems
    .filter((item) => licensed(item) && !unchangedIn(oldItems)(item))
    .map((item) => line('proration', item, prorate(item), rest, `Remaining time on ${label(item, ctx)} (${range})`, ctx));
  // A credit of 0 would be −0 before the money module's sign normalisation; 0 lines are noise anyway.
  return [...credits, ...charges].filter((l) => l.amount !== 0);
}

/**
 * The invoice module's `subscription` lines for the licensed items over a whole `period`
 * (metered items are billed on usage, in arrears, so they have none in advance).
 */
export function periodLines(items: readonly SubscriptionItem[], period: Period, ctx: LineContext): InvoiceLineDraft[] {
  return linesForItems(items.filter(licensed), period, {
    timeZone: ctx.timeZone,
    defaultTaxBehavior: ctx.defaultTaxBehavior,
    productNames: productNames(ctx.products),
  });
}
