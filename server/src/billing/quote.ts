import {
  assertItems,
  buildInvoice,
  describePeriod,
  itemsInterval,
  linesForItems,
  periodAt,
  priceAmount,
  trialEnd,
  type CurrencyCode,
  type Discount,
  type Interval,
  type Invoice,
  type InvoiceLineDraft,
  type Period,
  type SubscriptionItem,
  type TaxCalculator,
} from '@abona/core';
import type { PriceRow } from '../db/schema.js';
import { InvalidRequest } from '../errors/index.js';
import { toCorePrice } from '../resources/prices/to-core.js';

export interface QuoteItem {
  price: PriceRow;
  quantity: number;
  /** For line descriptions. */
  productName: string;
}

export interface QuoteInput {
  items: readonly QuoteItem[];
  currency: string;
  discounts: readonly Discount[];
  tax: TaxCalculator;
  atMs: number;
  /** Trial length; default: the longest `trial_period_days` of the recurring prices. 0 = none. */
  trialDays?: number | undefined;
  /** Customer credit available in `currency`. */
  creditBalance?: number;
  /** How the request names the items (`line_items` or `items`), for error params. */
  param: string;
}

/** What a purchase costs: today's invoice, and the next one (after the trial, or the next period). */
export interface Quote {
  mode: 'subscription' | 'payment';
  today: Invoice;
  /** The service period today's invoice covers (the trial, or the first period); null for one-time purchases. */
  period: Period | null;
  trialEndMs: number | null;
  then: { atMs: number; invoice: Invoice } | null;
  /** The recurring items (licensed and metered) for the subscription. */
  subscriptionItems: SubscriptionItem[];
  interval: Interval | null;
  /** `once` coupons that today's invoice used up. */
  onceCouponsSpent: string[];
}

const DEFAULT_TAX_BEHAVIOR = 'exclusive';

/**
 * Prices a purchase with the engine: recurring licensed items billed in advance for the first
 * period (or free for the trial), one-time items added to today's invoice, metered items billed
 * later; discounts before tax; tax from `tax`. No amount is computed here, only arranged.
 */
export function buildQuote(input: QuoteInput): Quote {
  const { atMs, currency, param } = input;
  const names: Record<string, string> = {};
  const recurring: SubscriptionItem[] = [];
  const oneTime: InvoiceLineDraft[] = [];
  input.items.forEach((item, i) => {
    names[item.price.productId] = item.productName;
    let price;
    try {
      price = toCorePrice(item.price, currency);
    } catch {
      throw new InvalidRequest(`Price ${item.price.id} is not offered in ${currency}`, `${param}[${i}][price]`, 'currency_not_offered');
    }
    if (!item.price.active) throw new InvalidRequest(`Price ${item.price.id} is not active`, `${param}[${i}][price]`, 'price_inactive');
    if (price.recurring === null) {
      oneTime.push({
        kind: 'one_time',
        description: item.quantity === 1 ? item.productName : `${item.productName} × ${item.quantity}`,
        amount: priceAmount(price, item.quantity),
        quantity: item.quantity,
        priceId: price.id,
        productId: price.productId,
        taxBehavior: price.taxBehavior === 'unspecified' ? DEFAULT_TAX_BEHAVIOR : price.taxBehavior,
        ...(price.taxCode !== undefined ? { taxCode: price.taxCode } : {}),
      });
    } else {
      recurring.push({ priceId: price.id, quantity: item.quantity, price });
    }
  });
  const build = (lines: InvoiceLineDraft[], at: number, appliedOnceCouponIds: string[] = [], creditBalance = 0): Invoice =>
    buildInvoice({ currency: currency as CurrencyCode, lines, discounts: [...input.discounts], appliedOnceCouponIds, creditBalance, atMs: at }, input.tax);

  if (recurring.length === 0) {
    const today = build(oneTime, atMs, [], input.creditBalance);
    return { mode: 'payment', today, period: null, trialEndMs: null, then: null, subscriptionItems: [], interval: null, onceCouponsSpent: spentOnce(input.discounts, today) };
  }
  assertItems(recurring, param);
  const interval = itemsInterval(recurring, param);
  const licensed = recurring.filter((item) => item.price.recurring?.usageType === 'licensed');
  const options = { productNames: names, defaultTaxBehavior: DEFAULT_TAX_BEHAVIOR } as const;
  const trialDays = input.trialDays ?? Math.max(0, ...input.items.map((item) => (item.price.type === 'recurring' ? (item.price.trialPeriodDays ?? 0) : 0)));

  if (trialDays > 0) {
    const trialEndMs = trialEnd(atMs, trialDays);
    const trial: Period = { startMs: atMs, endMs: trialEndMs };
    const trialLines = linesForItems(licensed, trial, options).map((line) => ({
      ...line,
      description: `Free trial: ${names[line.productId ?? ''] ?? line.productId ?? ''} (${describePeriod(trial)})`,
      amount: 0,
    }));
    const today = build([...trialLines, ...oneTime], atMs, [], input.creditBalance);
    const spent = spentOnce(input.discounts, today);
    const first = periodAt(trialEndMs, interval, 0);
    const then = licensed.length === 0 ? null : { atMs: trialEndMs, invoice: build(linesForItems(licensed, first, options), trialEndMs, spent) };
    return { mode: 'subscription', today, period: trial, trialEndMs, then, subscriptionItems: recurring, interval, onceCouponsSpent: spent };
  }

  const period = periodAt(atMs, interval, 0);
  const today = build([...(licensed.length === 0 ? [] : linesForItems(licensed, period, options)), ...oneTime], atMs, [], input.creditBalance);
  const spent = spentOnce(input.discounts, today);
  const next = periodAt(atMs, interval, 1);
  const then = licensed.length === 0 ? null : { atMs: next.startMs, invoice: build(linesForItems(licensed, next, options), next.startMs, spent) };
  return { mode: 'subscription', today, period: { startMs: period.startMs, endMs: period.endMs }, trialEndMs: null, then, subscriptionItems: recurring, interval, onceCouponsSpent: spent };
}

/** `once` coupons that discounted something on `invoice`, so later invoices skip them. */
function spentOnce(discounts: readonly Discount[], invoice: Invoice): string[] {
  if (invoice.totalDiscount <= 0) return [];
  return discounts.filter((d) => d.coupon.duration === 'once').map((d) => d.coupon.id);
}
