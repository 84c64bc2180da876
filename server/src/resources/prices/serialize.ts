import type { CurrencyOption, Price, Tier } from '@abona/api';
import { toIso } from '@abona/core';
import type { CurrencyOptionJson, PriceRow, TierJson } from '../../db/schema.js';

/** Stripe shows `unit_amount_decimal` whenever an amount exists: `900` → `"900"`. */
function decimalOf(unitAmount: number | null, unitAmountDecimal: string | null): string | null {
  return unitAmountDecimal ?? (unitAmount === null ? null : String(unitAmount));
}

function toTier(tier: TierJson): Tier {
  return {
    up_to: tier.upTo,
    unit_amount: tier.unitAmount,
    unit_amount_decimal: decimalOf(tier.unitAmount, tier.unitAmountDecimal),
    flat_amount: tier.flatAmount,
  };
}

function toCurrencyOption(option: CurrencyOptionJson): CurrencyOption {
  return {
    unit_amount: option.unitAmount,
    unit_amount_decimal: decimalOf(option.unitAmount, option.unitAmountDecimal),
    tiers: option.tiers ? option.tiers.map(toTier) : null,
    tax_behavior: option.taxBehavior,
    minimum_amount: option.minimumAmount,
  };
}

/** A price row as the API shows it. */
export function toPrice(row: PriceRow): Price {
  return {
    id: row.id,
    object: 'price',
    active: row.active,
    product: row.productId,
    currency: row.currency,
    type: row.type,
    billing_scheme: row.billingScheme,
    unit_amount: row.unitAmount,
    unit_amount_decimal: decimalOf(row.unitAmount, row.unitAmountDecimal),
    tiers_mode: row.tiersMode,
    tiers: row.tiers ? row.tiers.map(toTier) : null,
    transform_quantity: row.transformDivideBy !== null && row.transformRound !== null ? { divide_by: row.transformDivideBy, round: row.transformRound } : null,
    recurring:
      row.recurringInterval === null
        ? null
        : {
            interval: row.recurringInterval,
            interval_count: row.recurringIntervalCount ?? 1,
            usage_type: row.recurringUsageType ?? 'licensed',
            aggregate_usage: row.recurringAggregateUsage,
          },
    tax_behavior: row.taxBehavior,
    currency_options: Object.fromEntries(Object.entries(row.currencyOptions).map(([currency, option]) => [currency, toCurrencyOption(option)])),
    minimum_amount: row.minimumAmount,
    trial_period_days: row.trialPeriodDays,
    tax_code: row.taxCode,
    lookup_key: row.lookupKey,
    nickname: row.nickname,
    metadata: row.metadata,
    livemode: row.livemode,
    created: toIso(row.createdAt),
  };
}
