import { formatMoney, formatUnitAmount } from '../i18n/money.js';
import { formatNumber } from '../i18n/dates.js';
import type { Translate } from '../i18n/translate.js';
import type { PricingMessageKey } from './messages.js';
import type { PricingInterval, PricingPrice, PricingProduct, PricingTier } from './pricing-response.js';

/** A card's price, as text ready to render. Every amount comes from the server; nothing is computed. */
export interface PriceView {
  /** Words before/after the big amount, e.g. "from" (split from the translated "from {amount}"). */
  before: string;
  after: string;
  /** The big amount, e.g. "€29"; empty for custom pricing. */
  amount: string;
  /** The unit and interval beside it: "/ month", "per seat / month". */
  per: string;
  /** Lines under it: "billed yearly as €348", "incl. TVA 21%", "per 1,000 emails". */
  notes: string[];
  /** "€145 in total" when several seats are chosen. */
  total: string | undefined;
  /** Usage lines: "+ €0.002 per API call after 10,000 included". */
  usage: string[];
  /** Seat stepper, for licensed per-unit and tiered prices whose quantity can change. */
  stepper: { value: number; min: number; max: number } | undefined;
  /** Tiers of the card's tier table (first tiered price on the card), formatted by tier-table.ts. */
  tiers: PriceTiers | undefined;
}

/** The tiers behind a card's "Show price tiers" table. */
export interface PriceTiers {
  model: 'graduated' | 'volume';
  tiers: PricingTier[];
  currency: string;
}

/** The interval-dependent prices of a product: the headline licensed price and any usage prices. */
export interface ProductPrices {
  main: PricingPrice | undefined;
  metered: PricingPrice[];
}

/** Picks a product's licensed price for an interval (single-interval first) and its usage prices. */
export function pricesFor(product: PricingProduct, interval: PricingInterval): ProductPrices {
  const ofInterval = product.prices.filter((p) => p.interval === interval);
  const licensed = ofInterval.filter((p) => p.usage_type === 'licensed').sort((a, b) => a.interval_count - b.interval_count);
  const metered = ofInterval.filter((p) => p.usage_type === 'metered');
  return { main: licensed[0], metered };
}

/** "/ month", "/ 3 months". */
export function perInterval(price: Pick<PricingPrice, 'interval' | 'interval_count'>, t: Translate<PricingMessageKey>): string {
  return t(`pricing.per.${price.interval}`, { count: price.interval_count });
}

/**
 * Describes a product's price for one interval in the customer's locale. Returns `undefined`
 * when the product has no price for that interval (a "Custom" / contact-sales card).
 */
export function describePrice(product: PricingProduct, interval: PricingInterval, locale: string, t: Translate<PricingMessageKey>): PriceView | undefined {
  const { main, metered } = pricesFor(product, interval);
  const headline = main ?? metered[0];
  if (!headline) return undefined;
  const money = (minor: number, trim = true) => formatMoney(minor, headline.currency, locale, { trimZeroFraction: trim });
  const unit = (price: PricingPrice) => price.unit_label ?? t('pricing.unit.default');
  const view: PriceView = { before: '', after: '', amount: '', per: '', notes: [], total: undefined, usage: [], stepper: undefined, tiers: undefined };

  if (main) {
    const minQuantity = main.min_quantity ?? 1;
    const seatsChosen = main.quantity > minQuantity;
    if (main.model === 'per_unit') {
      view.amount = money(main.unit_display_amount ?? main.display_amount);
      view.per = `${t('pricing.perUnit', { unit: unit(main) })} ${perInterval(main, t)}`;
      if (main.quantity > 1) view.total = t('pricing.total', { amount: money(main.display_amount, false) });
    } else if (main.model === 'flat' && main.monthly_display_amount !== undefined && main.interval === 'year') {
      view.amount = money(main.monthly_display_amount);
      view.per = t('pricing.per.month', { count: 1 });
      view.notes.push(t('pricing.billedYearly', { amount: money(main.display_amount) }));
    } else {
      view.amount = money(main.display_amount);
      view.per = perInterval(main, t);
      if ((main.model === 'graduated' || main.model === 'volume') && !seatsChosen) {
        [view.before = '', view.after = ''] = t('pricing.from', { amount: '\u0000' }).split('\u0000');
      }
      if (main.model === 'package' && main.package_size !== undefined) {
        view.notes.push(t('pricing.package', { size: formatNumber(main.package_size, locale), unit: unit(main) }));
      }
    }
    const taxNote = describeTax(main, t);
    if (taxNote) view.notes.push(taxNote);
    if (main.model === 'per_unit' || main.model === 'graduated' || main.model === 'volume') {
      const max = main.max_quantity ?? 0;
      if (max === 0 || max > minQuantity) view.stepper = { value: main.quantity, min: minQuantity, max };
    }
    if ((main.model === 'graduated' || main.model === 'volume') && main.tiers?.length) {
      view.tiers = { model: main.model, tiers: main.tiers, currency: main.currency };
    }
  } else if (metered[0]) {
    // A pure usage plan: the rate is the headline.
    const rate = usageRate(metered[0]);
    view.amount = rate ? formatUnitAmount(rate.amountDecimal, metered[0].currency, locale) : money(metered[0].display_amount);
    view.per = t('pricing.perUnit', { unit: unit(metered[0]) });
    if (rate?.included !== undefined) view.notes.push(t('pricing.usage.firstFree', { included: formatNumber(rate.included, locale) }));
    const taxNote = describeTax(metered[0], t);
    if (taxNote) view.notes.push(taxNote);
  }

  for (const price of main ? metered : metered.slice(1)) {
    const line = describeUsage(price, locale, t);
    if (line) view.usage.push(line);
    if (!view.tiers && (price.model === 'graduated' || price.model === 'volume') && (price.tiers?.length ?? 0) > 2) {
      view.tiers = { model: price.model, tiers: price.tiers ?? [], currency: price.currency };
    }
  }
  return view;
}

/** "incl. TVA 21%", "+ VAT 19%", "VAT reverse charged", or nothing. */
export function describeTax(price: Pick<PricingPrice, 'tax_note' | 'tax_label'>, t: Translate<PricingMessageKey>): string | undefined {
  switch (price.tax_note) {
    case 'incl':
      return price.tax_label ? t('pricing.tax.incl', { label: price.tax_label }) : t('pricing.tax.inclGeneric');
    case 'excl':
      return price.tax_label ? t('pricing.tax.excl', { label: price.tax_label }) : t('pricing.tax.exclGeneric');
    case 'reverse_charge':
      return t('pricing.tax.reverseCharge');
    case 'none':
      return undefined;
  }
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
