import { formatMoney } from '../i18n/money-format.js';
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

/** What the extras chunk adds to {@link describePrice}: seat, tier and usage prices (price-details.ts). */
export interface PriceDetails {
  refinePrice(view: PriceView, prices: ProductPrices, locale: string, t: Translate<PricingMessageKey>): void;
}

/**
 * Describes a product's price for one interval in the customer's locale. Returns `undefined`
 * when the product has no price for that interval (a "Custom" / contact-sales card). Flat and
 * package prices are described here; seat, tiered and usage prices are refined by `details`
 * (price-details.ts, in the extras chunk that loads when a response has them). Without it (the
 * chunk failed to load) such a card shows its plain amount per interval.
 */
export function describePrice(product: PricingProduct, interval: PricingInterval, locale: string, t: Translate<PricingMessageKey>, details?: PriceDetails): PriceView | undefined {
  const prices = pricesFor(product, interval);
  const { main } = prices;
  if (!main && !prices.metered[0]) return undefined;
  const view: PriceView = { before: '', after: '', amount: '', per: '', notes: [], total: undefined, usage: [], stepper: undefined, tiers: undefined };
  if (main) {
    const money = (minor: number) => formatMoney(minor, main.currency, locale, { trimZeroFraction: true });
    if (main.model === 'flat' && main.monthly_display_amount !== undefined && main.interval === 'year') {
      view.amount = money(main.monthly_display_amount);
      view.per = t('pricing.per.month', { count: 1 });
      view.notes.push(t('pricing.billedYearly', { amount: money(main.display_amount) }));
    } else {
      view.amount = money(main.display_amount);
      view.per = perInterval(main, t);
      if (main.model === 'package' && main.package_size !== undefined) {
        view.notes.push(t('pricing.package', { size: formatNumber(main.package_size, locale), unit: unitLabel(main, t) }));
      }
    }
    const taxNote = describeTax(main, t);
    if (taxNote) view.notes.push(taxNote);
  }
  details?.refinePrice(view, prices, locale, t);
  return view;
}

/** The vendor's unit label ("seat", "API call"), or "unit". */
export function unitLabel(price: Pick<PricingPrice, 'unit_label'>, t: Translate<PricingMessageKey>): string {
  return price.unit_label ?? t('pricing.unit.default');
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
