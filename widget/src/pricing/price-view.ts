import { formatMoney } from '../i18n/money.js';
import { formatNumber } from '../i18n/dates.js';
import type { Translate } from '../i18n/translate.js';
import type { PricingMessageKey } from './messages.js';
import type { PricingInterval, PricingPrice, PricingProduct, PricingTier } from './pricing-response.js';
import type { UsageView } from './usage-view.js';

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
 * when the product has no price for that interval (a "Custom" / contact-sales card). Usage
 * prices are described by `usage` (usage-view.ts, in the extras chunk that loads when a response
 * has usage prices); without it they are left out.
 */
export function describePrice(product: PricingProduct, interval: PricingInterval, locale: string, t: Translate<PricingMessageKey>, usage?: UsageView): PriceView | undefined {
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
  } else if (metered[0] && usage) {
    // A pure usage plan: the rate is the headline.
    const rate = usage.usageHeadline(metered[0], locale, t);
    view.amount = rate.amount;
    view.per = t('pricing.perUnit', { unit: unit(metered[0]) });
    if (rate.firstFree) view.notes.push(rate.firstFree);
    const taxNote = describeTax(metered[0], t);
    if (taxNote) view.notes.push(taxNote);
  }

  for (const price of usage ? (main ? metered : metered.slice(1)) : []) {
    const line = usage?.describeUsage(price, locale, t);
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
