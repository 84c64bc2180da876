/*
 * How usage (metered) prices read on a card: "+ €0.002 per API call after 10,000 included".
 * Part of the extras chunk (extras.ts), which loads when a response has usage prices: most
 * tables are licensed prices only and never download this.
 */
import { formatMoney } from '../i18n/money.js';
import { formatUnitAmount } from '../i18n/unit-amount.js';
import { formatNumber } from '../i18n/dates.js';
import type { Translate } from '../i18n/translate.js';
import type { PricingMessageKey } from './messages.js';
import type { PricingPrice, PricingTier } from './pricing-response.js';

/** The headline of a pure usage plan: its rate ("€0.002"), and "First 10,000 free" when the first tier is free. */
export function usageHeadline(price: PricingPrice, locale: string, t: Translate<PricingMessageKey>): { amount: string; firstFree: string | undefined } {
  const rate = usageRate(price);
  return {
    amount: rate ? formatUnitAmount(rate.amountDecimal, price.currency, locale) : formatMoney(price.display_amount, price.currency, locale, { trimZeroFraction: true }),
    firstFree: rate?.included !== undefined ? t('pricing.usage.firstFree', { included: formatNumber(rate.included, locale) }) : undefined,
  };
}

/** The per-unit rate of a usage price, and the free units before it when the first tier is free. */
function usageRate(price: PricingPrice): { amountDecimal: string; included: number | undefined; more: boolean } | undefined {
  const tiers = price.tiers ?? [];
  const [first, second] = tiers;
  if (first && second && isFreeTier(first) && first.up_to !== null) {
    return { amountDecimal: second.unit_amount_decimal, included: first.up_to, more: tiers.length > 2 };
  }
  if (first) return { amountDecimal: first.unit_amount_decimal, included: undefined, more: tiers.length > 1 };
  if (price.unit_amount_decimal !== undefined) return { amountDecimal: price.unit_amount_decimal, included: undefined, more: false };
  if (price.unit_display_amount !== undefined) return { amountDecimal: String(price.unit_display_amount), included: undefined, more: false };
  return undefined;
}

/** "+ €0.002 per API call after 10,000 included", "+ €5 per 1,000 emails". */
export function describeUsage(price: PricingPrice, locale: string, t: Translate<PricingMessageKey>): string | undefined {
  const unit = price.unit_label ?? t('pricing.unit.default');
  if (price.model === 'package' && price.package_size !== undefined && price.unit_display_amount !== undefined) {
    const amount = formatMoney(price.unit_display_amount, price.currency, locale, { trimZeroFraction: true });
    return `+ ${amount} ${t('pricing.package', { size: formatNumber(price.package_size, locale), unit })}`;
  }
  const rate = usageRate(price);
  if (!rate) return undefined;
  const amount = formatUnitAmount(rate.amountDecimal, price.currency, locale);
  if (rate.included !== undefined) return t('pricing.usage.afterIncluded', { amount, unit, included: formatNumber(rate.included, locale) });
  return t(rate.more ? 'pricing.usage.fromPerUnit' : 'pricing.usage.perUnit', { amount, unit });
}

/** A tier that costs nothing: the free allowance of a usage price. */
export function isFreeTier(tier: PricingTier): boolean {
  return /^0*(\.0*)?$/.test(tier.unit_amount_decimal) && tier.flat_amount === 0;
}
