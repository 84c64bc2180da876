import { validatePrice, type Price as CorePrice, type PricingModel, type Tier } from '@abona/core';
import type { PriceRow, TierJson } from '../../db/schema.js';
import { InvalidRequest } from '../../errors/index.js';

function toCoreTier(tier: TierJson): Tier {
  const out: Tier = { upTo: tier.upTo };
  if (tier.unitAmount !== null) out.unitAmount = tier.unitAmount;
  if (tier.unitAmountDecimal !== null) out.unitAmountDecimal = tier.unitAmountDecimal;
  if (tier.flatAmount !== null) out.flatAmount = tier.flatAmount;
  return out;
}

function toModel(row: Pick<PriceRow, 'billingScheme' | 'tiersMode' | 'transformDivideBy' | 'transformRound'>, amounts: { unitAmount: number | null; unitAmountDecimal: string | null; tiers: TierJson[] | null }): PricingModel {
  if (row.billingScheme === 'tiered') {
    return { type: row.tiersMode === 'volume' ? 'volume' : 'graduated', tiers: (amounts.tiers ?? []).map(toCoreTier) };
  }
  if (row.transformDivideBy !== null && amounts.unitAmount !== null) {
    return { type: 'package', packageAmount: amounts.unitAmount, packageSize: row.transformDivideBy, rounding: row.transformRound ?? 'up' };
  }
  if (amounts.unitAmount !== null) return { type: 'per_unit', unitAmount: amounts.unitAmount };
  return { type: 'per_unit', unitAmountDecimal: amounts.unitAmountDecimal ?? '0' };
}

/**
 * The engine's view of a stored price in one of its currencies (the base currency or one of
 * `currency_options`). Pricing, checkout and invoicing hand this to `@abona/core`.
 * @throws InvalidRequest when the price is not offered in `currency`.
 */
export function toCorePrice(row: PriceRow, currency: string = row.currency): CorePrice {
  const code = currency.toUpperCase();
  const option = code === row.currency ? undefined : row.currencyOptions[code];
  if (code !== row.currency && !option) {
    throw new InvalidRequest(`Price ${row.id} is not offered in ${code}`, 'currency', 'currency_not_offered');
  }
  const amounts = option ?? { unitAmount: row.unitAmount, unitAmountDecimal: row.unitAmountDecimal, tiers: row.tiers };
  const price: CorePrice = {
    id: row.id,
    productId: row.productId,
    currency: code as CorePrice['currency'],
    model: toModel(row, amounts),
    recurring:
      row.recurringInterval === null
        ? null
        : {
            interval: { unit: row.recurringInterval, count: row.recurringIntervalCount ?? 1 },
            usageType: row.recurringUsageType ?? 'licensed',
            ...(row.recurringAggregateUsage ? { aggregation: row.recurringAggregateUsage } : {}),
          },
    taxBehavior: option?.taxBehavior ?? row.taxBehavior,
  };
  const minimum = option ? option.minimumAmount : row.minimumAmount;
  if (minimum !== null) price.minimumAmount = minimum;
  if (row.trialPeriodDays !== null) price.trialDays = row.trialPeriodDays;
  if (row.taxCode !== null) price.taxCode = row.taxCode;
  return price;
}

/**
 * The engine's own check of a price (`validatePrice`), run on every currency of a new price on
 * top of the wire-level checks in `definition.ts`: what the server stores, core can bill.
 */
export function validateWithCore(price: CorePrice): void {
  validatePrice(price);
}
