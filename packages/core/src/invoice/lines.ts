import { TZDate, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Price } from '../catalog/index.js';
import { InvalidInputError } from '../errors/index.js';
import { priceAmount } from '../pricing/index.js';
import { assertInstant, type Period } from '../time/index.js';
import type { InvoiceLineDraft } from './types.js';

/** Options shared by {@link linesForItems} and {@link usageLine}. */
export interface LineOptions {
  /** Time zone the period dates are written in. Default UTC. */
  timeZone?: string;
  /** The seller's default for prices whose `taxBehavior` is `unspecified`. Default `exclusive`. */
  defaultTaxBehavior?: 'inclusive' | 'exclusive';
  /** Product names by product id for descriptions; the product id is used when missing. */
  productNames?: Readonly<Record<string, string>>;
}

/** One licensed item of a subscription. */
export interface LineItem {
  price: Price;
  quantity: number;
}

function checkPeriod(period: Period): void {
  assertInstant(period.startMs, 'period.startMs');
  assertInstant(period.endMs, 'period.endMs');
  if (period.endMs <= period.startMs) throw new InvalidInputError('A period must end after it starts', 'period');
}

/** `MMM` of date-fns' en-US locale, which the descriptions have always used. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * Offsets of time zones already seen that are the same at every instant (UTC and fixed
 * `±HH:MM` offsets), in seconds east of UTC; other zones ask `tzOffset` per instant. Bounded so
 * a caller cycling through arbitrary zone strings cannot grow it without limit.
 */
const fixedOffsetSeconds = new Map<string, number>([['UTC', 0]]);
const FIXED_OFFSET_CACHE_LIMIT = 64;
const FIXED_OFFSET = /^[+-]\d\d:\d\d$/;

/**
 * `d MMM yyyy` of `ms` in `timeZone`, the same string as date-fns `format(new TZDate(ms,
 * timeZone), 'd MMM yyyy')` but without building a TZDate and parsing the pattern every call
 * (that was several percent of an invoice preview). Undefined when the fast path cannot
 * vouch for the result, and the caller takes the TZDate path.
 */
function fastDay(ms: number, timeZone: string): string | undefined {
  let offsetSeconds = fixedOffsetSeconds.get(timeZone);
  if (offsetSeconds === undefined) {
    const minutes = tzOffset(timeZone, new Date(ms));
    if (!Number.isFinite(minutes)) return undefined;
    // TZDate shifts by Math.round(-minutes * 60) seconds; mirror it exactly (historical LMT
    // offsets carry seconds, and rounding of a negative half differs from negated rounding).
    offsetSeconds = -Math.round(-minutes * 60);
    if (FIXED_OFFSET.test(timeZone) && fixedOffsetSeconds.size < FIXED_OFFSET_CACHE_LIMIT) {
      fixedOffsetSeconds.set(timeZone, offsetSeconds);
    }
  }
  const wall = new Date(ms + offsetSeconds * 1000);
  if (Number.isNaN(wall.getTime())) return undefined;
  const signedYear = wall.getUTCFullYear();
  // date-fns `yyyy`: era-less year (1 BC is 1), at least four digits.
  const year = signedYear > 0 ? signedYear : 1 - signedYear;
  return `${wall.getUTCDate()} ${MONTHS[wall.getUTCMonth()]} ${String(year).padStart(4, '0')}`;
}

/**
 * The period as plain English dates, end exclusive shown as the next period's first day,
 * as invoices usually do: "26 Nov 2026 – 26 Dec 2026". Data, not UI: the widget localizes.
 */
export function describePeriod(period: Period, timeZone = 'UTC'): string {
  const day = (ms: number): string => {
    const fast = Number.isSafeInteger(ms) ? fastDay(ms, timeZone) : undefined;
    if (fast !== undefined) return fast;
    const date = new TZDate(ms, timeZone);
    if (Number.isNaN(date.getTime())) throw new InvalidInputError(`Unknown time zone: ${timeZone}`, 'timeZone');
    return format(date, 'd MMM yyyy');
  };
  return `${day(period.startMs)} – ${day(period.endMs)}`;
}

function describe(price: Price, quantity: number, period: Period, options: LineOptions): string {
  const name = options.productNames?.[price.productId] ?? price.productId;
  const times = quantity === 1 && price.model.type !== 'per_unit' ? '' : ` × ${quantity}`;
  return `${name}${times} (${describePeriod(period, options.timeZone)})`;
}

function draft(kind: 'subscription' | 'usage', price: Price, quantity: number, period: Period, options: LineOptions): InvoiceLineDraft {
  const line: InvoiceLineDraft = {
    kind,
    description: describe(price, quantity, period, options),
    amount: priceAmount(price, quantity),
    quantity,
    priceId: price.id,
    productId: price.productId,
    period: { startMs: period.startMs, endMs: period.endMs },
    taxBehavior: price.taxBehavior === 'unspecified' ? (options.defaultTaxBehavior ?? 'exclusive') : price.taxBehavior,
  };
  if (price.taxCode !== undefined) line.taxCode = price.taxCode;
  return line;
}

/**
 * Line drafts (kind `subscription`) billing recurring licensed items in advance for `period`:
 * each item's price model applied to its quantity, described like "Pro × 3 (26 Nov 2026 –
 * 26 Dec 2026)". Every price must be recurring and licensed, and all in one currency.
 */
export function linesForItems(items: readonly LineItem[], period: Period, options: LineOptions = {}): InvoiceLineDraft[] {
  checkPeriod(period);
  const currency = items[0]?.price.currency;
  return items.map((item, i) => {
    const recurring = item.price.recurring;
    if (recurring === null || recurring.usageType !== 'licensed') {
      throw new InvalidInputError(`items[${i}].price must be a recurring licensed price`, `items[${i}].price`);
    }
    if (item.price.currency !== currency) throw new InvalidInputError(`items[${i}].price is in another currency than items[0]`, `items[${i}].price.currency`);
    return draft('subscription', item.price, item.quantity, period, options);
  });
}

/**
 * A line draft (kind `usage`) billing a metered price in arrears for the usage of `period`
 * (aggregate the events first with `aggregateUsage`), described like
 * "API calls × 12500 (1 Nov 2026 – 1 Dec 2026)".
 */
export function usageLine(price: Price, usageQuantity: number, period: Period, options: LineOptions = {}): InvoiceLineDraft {
  checkPeriod(period);
  if (price.recurring === null || price.recurring.usageType !== 'metered') {
    throw new InvalidInputError('price must be a recurring metered price', 'price');
  }
  return draft('usage', price, usageQuantity, period, options);
}
