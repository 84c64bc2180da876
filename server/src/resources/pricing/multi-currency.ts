import type { CurrencyCode, CurrencyOptions, MultiCurrencyPrice } from '@abona/core';
import { presentmentCurrency } from '@abona/core';
import type { PriceRow } from '../../db/schema.js';
import { toCorePrice } from '../prices/to-core.js';

/** The engine's multi-currency view of a stored price: the base currency and every `currency_options` entry. */
export function toMultiCurrencyPrice(row: PriceRow): MultiCurrencyPrice {
  const base = toCorePrice(row);
  const currencyOptions: CurrencyOptions = {};
  for (const code of Object.keys(row.currencyOptions)) {
    const inCurrency = toCorePrice(row, code);
    currencyOptions[code as CurrencyCode] = {
      model: inCurrency.model,
      ...(inCurrency.minimumAmount !== undefined ? { minimumAmount: inCurrency.minimumAmount } : {}),
    };
  }
  return { ...base, currencyOptions };
}

/** Currencies a stored price is offered in: its own first, then its options in stored order. */
export function currenciesOf(row: PriceRow): string[] {
  return [row.currency, ...Object.keys(row.currencyOptions)];
}

/** Currencies every one of `rows` is offered in, in the first price's order (so all cards share one). */
export function commonCurrencies(rows: readonly PriceRow[]): string[] {
  const [first, ...rest] = rows;
  if (!first) return [];
  return currenciesOf(first).filter((code) =>
    rest.every((row) => row.currency === code || code in row.currencyOptions),
  );
}

/**
 * The currency of a quote, the same rule everywhere (pricing table, preview, checkout): the
 * customer's preferred one when offered, else their country's, else the seller's default when
 * offered, else the first price's. Delegates the choice to core's `presentmentCurrency`.
 */
export function quoteCurrency(options: {
  available: readonly string[];
  country: string;
  preferred?: string | undefined;
  sellerDefault: string;
  atMs: number;
}): CurrencyCode {
  const available = options.available as CurrencyCode[];
  const fallback = (
    available.includes(options.sellerDefault as CurrencyCode) ? options.sellerDefault : available[0]
  ) as CurrencyCode;
  return presentmentCurrency(
    options.country,
    available,
    options.preferred as CurrencyCode | undefined,
    fallback,
    options.atMs,
  );
}
