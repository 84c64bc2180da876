/*
 * The wire contract of `GET /v1/pricing`: one price-resolution call that feeds the pricing
 * table (and later checkout and portal), so the page never disagrees with the invoice. The
 * server resolves every amount (tax, currency, quantity, tiers); the widget only formats.
 *
 * Request: `GET /v1/pricing?currency=EUR&country=RO&interval=month&quantity[price_123]=5`
 * with `Authorization: Bearer pk_…`. Every parameter is optional: without `currency`/`country`
 * the server picks from the request (IP, Accept-Language). `interval` is the preferred interval;
 * the response still carries every interval's prices so switching needs no round trip.
 * `quantity[<price id>]` (repeatable) resolves that price for that many units (seats).
 *
 * Mirrors `Pricing` / `PricingQuery` in @abona/api (packages/api/src/pricing.ts), which the
 * server validates with; the widget's tests run against that server. The query there also takes
 * state, postal_code, business, tax_id_type, tax_id and products, which the table does not send yet.
 */

/** A billing interval. */
export type PricingInterval = 'day' | 'week' | 'month' | 'year';

/** Query parameters of `GET /v1/pricing`. */
export interface PricingQuery {
  currency?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  interval?: PricingInterval;
  /** Units per price id, sent as `quantity[<price id>]=<n>`. */
  quantity?: Record<string, number>;
}

/** A feature in the table's comparison order (the union over all products). */
export interface PricingFeature {
  key: string;
  name: string;
  /** Unit shown after a numeric value, e.g. "/ month" in "10,000 API calls / month". */
  unit?: string;
}

/** A product's value for a feature: included or not, a limit, or a short text ("Email"). */
export interface ProductFeature {
  key: string;
  name: string;
  value: boolean | number | string;
  unit?: string;
}

/** A price tier for display. Amounts are minor units; `unit_amount_decimal` is a decimal string of minor units. */
export interface PricingTier {
  /** Last unit of the tier, inclusive; `null` for the open-ended last tier. */
  up_to: number | null;
  unit_amount_decimal: string;
  flat_amount: number;
}

/** One price of a product, resolved for the customer's country, currency and quantity. */
export interface PricingPrice {
  id: string;
  interval: PricingInterval;
  interval_count: number;
  currency: string;
  usage_type: 'licensed' | 'metered';
  model: 'flat' | 'per_unit' | 'graduated' | 'volume' | 'package';
  /** Vendor's singular unit name: "seat", "API call". */
  unit_label?: string;
  trial_days?: number;
  /** Units the amounts below are for. */
  quantity: number;
  min_quantity?: number;
  max_quantity?: number;
  /** What the card shows large: gross when tax-inclusive, else net. Minor units, for `quantity` units. */
  display_amount: number;
  net_amount: number;
  tax_amount: number;
  gross_amount: number;
  /** per_unit: the amount for one unit (seat), minor units. */
  unit_display_amount?: number;
  /** per_unit with a fractional unit price (usage): decimal string of minor units ("0.2" = €0.002). */
  unit_amount_decimal?: string;
  /**
   * Intervals of whole months or years: the server's per-month equivalent of `display_amount`
   * (half-up), so a flat yearly card can read "€29 / month, billed yearly as €348" without the
   * widget dividing money. Other models show their amount per interval.
   */
  monthly_display_amount?: number;
  tax_inclusive: boolean;
  tax_note: 'incl' | 'excl' | 'reverse_charge' | 'none';
  /** E.g. "TVA 21%", "VAT 20%". */
  tax_label?: string;
  tiers?: PricingTier[];
  package_size?: number;
}

/** What a product's button does. */
export interface PricingCta {
  type: 'checkout' | 'contact';
  /** For `contact`: where "Contact sales" leads. */
  url?: string;
  /** Vendor's own wording; replaces the default label. */
  label?: string;
}

/** A product (plan) card. */
export interface PricingProduct {
  id: string;
  name: string;
  description: string;
  highlight: boolean;
  badge?: string;
  cta: PricingCta;
  features: ProductFeature[];
  /** Whole percent saved by yearly over monthly billing, from the real prices (rounded down: 16.7 → 16). */
  yearly_saving_percent?: number;
  prices: PricingPrice[];
}

/** The response of `GET /v1/pricing`. */
export interface PricingResponse {
  object: 'pricing';
  currency: string;
  country: string;
  available_currencies: string[];
  intervals: PricingInterval[];
  features: PricingFeature[];
  products: PricingProduct[];
}
