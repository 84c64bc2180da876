import type { CurrencyCode } from '../money/index.js';
import type { Interval } from '../time/index.js';

/**
 * One tier of a graduated or volume price. `upTo` is the inclusive upper bound of units in the
 * tier, `null` for the last (infinite) tier. A tier charges `unitAmount` (integer minor units)
 * or `unitAmountDecimal` (a decimal string of minor units, e.g. `"0.2"` = €0.002 per call) per
 * unit, plus an optional `flatAmount` once when the tier is reached.
 */
export interface Tier {
  upTo: number | null;
  unitAmount?: number;
  unitAmountDecimal?: string;
  flatAmount?: number;
}

/**
 * How a quantity becomes an amount.
 * - `flat`: a fixed amount per period whatever the quantity (quantity is shown, not multiplied).
 * - `per_unit`: quantity × unit amount (seats, or usage with a decimal unit amount).
 * - `package`: per started (or completed) package of `packageSize` units.
 * - `graduated`: each unit priced by the tier it falls in, tier flat fees added as reached.
 * - `volume`: all units priced by the tier the total quantity falls in, plus that tier's flat fee.
 */
export type PricingModel =
  | { type: 'flat'; amount: number }
  | { type: 'per_unit'; unitAmount?: number; unitAmountDecimal?: string }
  | { type: 'package'; packageAmount: number; packageSize: number; rounding: 'up' | 'down' }
  | { type: 'graduated'; tiers: Tier[] }
  | { type: 'volume'; tiers: Tier[] };

/** How metered usage in one period is turned into a quantity. */
export type UsageAggregation = 'sum' | 'max' | 'last' | 'count_unique';

/** Whether a price includes tax (`inclusive`), excludes it, or follows the seller's default. */
export type TaxBehavior = 'inclusive' | 'exclusive' | 'unspecified';

export interface Recurring {
  interval: Interval;
  /** `licensed`: billed in advance for a quantity (seats); `metered`: billed in arrears for usage. */
  usageType: 'licensed' | 'metered';
  /** Only for metered prices; default `sum`. */
  aggregation?: UsageAggregation;
}

/**
 * A price of a product in one currency. Immutable once used: a change is a new price. The
 * engine relies on it: `priceAmount` validates and compiles a price object once and reuses
 * that for the object's lifetime, so a price edited in place after use is not re-checked.
 */
export interface Price {
  id: string;
  productId: string;
  currency: CurrencyCode;
  model: PricingModel;
  /** `null` for one-time prices. */
  recurring: Recurring | null;
  taxBehavior: TaxBehavior;
  /** A minimum charge per period: the line is raised to this amount when it comes out lower. */
  minimumAmount?: number;
  /** Free trial offered when subscribing to this price. */
  trialDays?: number;
  /** Product tax code (e.g. `'saas'`); the tax engine decides taxability from it. */
  taxCode?: string;
}

/** A feature or limit a product grants: `{ key: 'api_calls', value: 10000 }`, `{ key: 'sso', value: true }`. */
export interface Entitlement {
  key: string;
  name: string;
  value: boolean | number | string;
  /** Unit shown with numeric limits, e.g. "API calls / month". */
  unit?: string;
}

export interface Product {
  id: string;
  name: string;
  description?: string;
  /** Plan-change policies apply per group: products in one group are tiers of one ladder. */
  group?: string;
  /** Position in its group's ladder; higher is "more" (an upgrade goes up). */
  rank?: number;
  entitlements: Entitlement[];
  taxCode?: string;
}

/** A coupon: percent-off or amount-off (per currency), for a duration, optionally limited to products. */
export interface Coupon {
  id: string;
  /** Percent off as a decimal string, `"20"` = 20 %, `"12.5"` = 12.5 %. */
  percentOff?: string;
  /** Amount off per currency in minor units, `{ EUR: 500, USD: 600 }`. */
  amountOff?: Partial<Record<CurrencyCode, number>>;
  duration: 'once' | 'repeating' | 'forever';
  /** With `repeating`: how many months from the moment the discount started. */
  durationInMonths?: number;
  /** When set, only lines of these products are discounted. */
  appliesToProductIds?: string[];
}

/** A coupon attached to a customer or subscription from `startMs`. */
export interface Discount {
  coupon: Coupon;
  startMs: number;
}
