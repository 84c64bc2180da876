import type { Discount, Price } from '../catalog/index.js';
import { discountLines, isDiscountActive } from '../discount/index.js';
import { InvalidInputError } from '../errors/index.js';
import { assertMinor, isDecimalString } from '../money/index.js';
import { priceAmount } from '../pricing/index.js';
import { assertInstant } from '../time/index.js';
import { monthlyFactor } from './normalize.js';
import {
  add,
  fraction,
  fromDecimalString,
  multiply,
  roundFraction,
  zero,
  type Fraction,
} from './rational.js';

/** One subscription item as MRR sees it. */
export interface MrrItem {
  price: Price;
  quantity: number;
  /**
   * The item's amount for one billing period, before discounts, in minor units, when the caller
   * knows better than `priceAmount(price, quantity)`: required to count a metered price (pass
   * the last closed period's usage amount as the estimate), or a negotiated amount.
   */
  amountMinor?: number;
  /**
   * For a tax-inclusive price: the tax rate contained in the amount, a decimal percent string
   * (`"19"`), so MRR counts the net. Without it an inclusive amount is counted as it is.
   */
  inclusiveTaxRatePercent?: string;
}

/** Options of {@link normalizedMrr}. */
export interface MrrOptions {
  /** Where the months of `repeating` discounts are counted, as on invoices. Default UTC. */
  timeZone?: string;
}

interface PricedItem {
  amount: number;
  productId: string;
  factor: Fraction;
  net: Fraction;
  cadence: string;
}

/**
 * Monthly recurring revenue of a set of subscription items at `atMs`, in integer minor units of
 * their (single) currency: what their invoices charge each period, excluding tax, normalized to
 * a month (see `monthlyFactor`: month ÷ count, year ÷ 12, week × 52 ÷ 12, day × 365 ÷ 12).
 *
 * - Each item's period amount is `priceAmount(price, quantity)` (or `amountMinor`).
 * - One-time prices are not recurring and count 0. Metered prices count 0 unless `amountMinor`
 *   gives an estimate: usage is variable revenue, and the engine does not guess it.
 * - Discounts active at `atMs` are taken off as the invoices do (`discountLines`, per billing
 *   cadence, one after the other): percent-off and amount-off per invoice, `repeating` while
 *   within its months, `forever` always. A `once` coupon never reduces MRR: it is not recurring.
 * - Tax is excluded: exclusive prices are net already; inclusive ones are reduced by
 *   `inclusiveTaxRatePercent` when given.
 * - The sum is exact (fractions) and rounded once, half-up away from zero.
 * Trialing, paused and canceled subscriptions are the caller's to leave out.
 *
 * @example
 * // €29/month × 3 seats + €120/year, 20 % off forever: (8700 + 12000 / 12) × 0.8 = 7760
 * normalizedMrr([{ price: seatsMonthly, quantity: 3 }, { price: addonYearly, quantity: 1 }], [twentyOff], at)
 */
export function normalizedMrr(
  items: readonly MrrItem[],
  discounts: readonly Discount[],
  atMs: number,
  options: MrrOptions = {},
): number {
  assertInstant(atMs, 'atMs');
  const currency = items[0]?.price.currency;
  if (currency === undefined) return 0;

  const priced: PricedItem[] = [];
  items.forEach((item, i) => {
    const { price } = item;
    if (price.currency !== currency) {
      throw new InvalidInputError(
        `items[${i}] is in ${price.currency}, not ${currency}: MRR is per currency`,
        `items[${i}].price.currency`,
      );
    }
    if (price.recurring === null) return;
    if (item.amountMinor === undefined && price.recurring.usageType === 'metered') return;
    const amount =
      item.amountMinor === undefined
        ? priceAmount(price, item.quantity)
        : assertMinor(item.amountMinor, `items[${i}].amountMinor`);
    const { interval } = price.recurring;
    priced.push({
      amount,
      productId: price.productId,
      factor: monthlyFactor(interval),
      net: netOfTax(item, i),
      cadence: `${interval.unit}:${interval.count}`,
    });
  });

  const coupons = discounts
    .filter((d) => d.coupon.duration !== 'once' && isDiscountActive(d, atMs, { timeZone: options.timeZone }))
    .map((d) => d.coupon);

  // Items of one cadence are invoiced together, so an amount-off coupon is taken once per invoice.
  const discountOf = new Map<PricedItem, number>();
  for (const cadence of new Set(priced.map((p) => p.cadence))) {
    const group = priced.filter((p) => p.cadence === cadence);
    discountLines(group, coupons, currency).forEach((off, k) => discountOf.set(group[k]!, off));
  }

  let total = zero;
  for (const item of priced) {
    const charged = fraction(BigInt(item.amount - (discountOf.get(item) ?? 0)), 1n);
    total = add(total, multiply(multiply(charged, item.factor), item.net));
  }
  return roundFraction(total);
}

/** The part of an amount that is not tax: 1, or 100 / (100 + rate) for a tax-inclusive price. */
function netOfTax(item: MrrItem, i: number): Fraction {
  const rate = item.inclusiveTaxRatePercent;
  if (item.price.taxBehavior !== 'inclusive' || rate === undefined) return fraction(1n, 1n);
  if (!isDecimalString(rate) || rate.startsWith('-')) {
    throw new InvalidInputError(
      `items[${i}].inclusiveTaxRatePercent must be a non-negative decimal string`,
      `items[${i}].inclusiveTaxRatePercent`,
    );
  }
  const r = fromDecimalString(rate);
  // 100 / (100 + n/d) = 100d / (100d + n)
  return fraction(100n * r.denominator, 100n * r.denominator + r.numerator);
}
