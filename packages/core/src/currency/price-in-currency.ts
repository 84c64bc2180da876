import type { Price, PricingModel, Tier } from '../catalog/index.js';
import { InvalidInputError } from '../errors/index.js';
import type { CurrencyCode } from '../money/index.js';
import { applyRounding, type RoundingStrategy } from './charm.js';
import type { MultiCurrencyPrice } from './options.js';
import { convert, convertDecimalString, type ExchangeRateTable } from './rates.js';

/** Converts the money fields of one model; `headline` rounds amounts people read at a glance. */
function convertModel(model: PricingModel, from: CurrencyCode, to: CurrencyCode, table: ExchangeRateTable, strategy: RoundingStrategy): PricingModel {
  const headline = (amountMinor: number) => applyRounding(convert(amountMinor, from, to, table), to, strategy);
  // Usage rates like "0.0035" are never charm-rounded: a .99 ending on them would multiply the bill.
  const rate = (valueMinor: string) => convertDecimalString(valueMinor, from, to, table);
  const tier = (t: Tier): Tier => {
    const out: Tier = { upTo: t.upTo };
    if (t.unitAmount !== undefined) out.unitAmount = headline(t.unitAmount);
    if (t.unitAmountDecimal !== undefined) out.unitAmountDecimal = rate(t.unitAmountDecimal);
    if (t.flatAmount !== undefined) out.flatAmount = headline(t.flatAmount);
    return out;
  };
  switch (model.type) {
    case 'flat':
      return { type: 'flat', amount: headline(model.amount) };
    case 'per_unit': {
      const out: PricingModel = { type: 'per_unit' };
      if (model.unitAmount !== undefined) out.unitAmount = headline(model.unitAmount);
      if (model.unitAmountDecimal !== undefined) out.unitAmountDecimal = rate(model.unitAmountDecimal);
      return out;
    }
    case 'package':
      return { ...model, packageAmount: headline(model.packageAmount) };
    case 'graduated':
      return { type: 'graduated', tiers: model.tiers.map(tier) };
    case 'volume':
      return { type: 'volume', tiers: model.tiers.map(tier) };
  }
}

/**
 * The price as it stands in `currency`:
 * 1. the price itself when it is already in that currency;
 * 2. else its explicit currency option, verbatim (no conversion, no rounding strategy);
 * 3. else every money field converted with `rates`: integer amounts rounded once (money rule),
 *    then `strategy` on headline amounts (flat, unit, package, tier amounts); decimal unit
 *    amounts kept as decimal strings; the minimum converted exactly (it is not a display price).
 *
 * The result keeps the price's id, product, interval and tax behaviour, and drops
 * `currencyOptions` so it can go straight to the pricing and invoice functions.
 *
 * @param strategy default `exact`.
 * @throws InvalidInputError (`currency_unavailable`) when neither an option nor rates exist.
 */
export function priceInCurrency(
  price: MultiCurrencyPrice,
  currency: CurrencyCode,
  rates?: ExchangeRateTable,
  strategy: RoundingStrategy = 'exact',
): Price {
  const { currencyOptions, ...base } = price;
  if (price.currency === currency) return base;
  const option = currencyOptions?.[currency];
  if (option !== undefined) {
    const explicit: Price = { ...base, currency, model: option.model };
    delete explicit.minimumAmount;
    if (option.minimumAmount !== undefined) explicit.minimumAmount = option.minimumAmount;
    return explicit;
  }
  if (rates === undefined) {
    throw new InvalidInputError(
      `Price ${price.id} has no amount in ${currency} and no exchange rates were given`,
      'currency',
      'currency_unavailable',
    );
  }
  const converted: Price = { ...base, currency, model: convertModel(price.model, price.currency, currency, rates, strategy) };
  if (price.minimumAmount !== undefined) converted.minimumAmount = convert(price.minimumAmount, price.currency, currency, rates);
  return converted;
}
