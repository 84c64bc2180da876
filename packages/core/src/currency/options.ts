import type { Price, PricingModel } from '../catalog/index.js';
import type { CurrencyCode } from '../money/index.js';

/**
 * A price's explicit amounts in one more currency: a complete pricing model of the same shape
 * as the base price's, and its own minimum. An option is complete on its own: a field it omits
 * (a minimum) does not exist in that currency, nothing is borrowed from the base price.
 */
export interface CurrencyOption {
  model: PricingModel;
  /** Minimum charge per period in this currency, minor units. */
  minimumAmount?: number;
}

/** Explicit amounts per currency, `{ USD: { model: { type: 'flat', amount: 3200 } } }`. */
export type CurrencyOptions = Partial<Record<CurrencyCode, CurrencyOption>>;

/**
 * A catalog price that may carry explicit amounts in other currencies (Stripe's
 * `currency_options`). Kept beside {@link Price} so the catalog type stays single-currency.
 */
export type MultiCurrencyPrice = Price & { currencyOptions?: CurrencyOptions };
