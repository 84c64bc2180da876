/*
 * Seat, tiered and usage prices on a card: the per-seat amount and total, "from" before a tiered
 * amount, the seat stepper's limits, the tier table's tiers and the usage lines. Part of the
 * extras chunk, which loads when a response has such prices; flat-priced tables never need it.
 */
import { formatMoney } from '../i18n/money.js';
import type { Translate } from '../i18n/translate.js';
import type { PricingMessageKey } from './messages.js';
import { describeTax, perInterval, unitLabel, type PriceView, type ProductPrices } from './price-view.js';
import { describeUsage, usageHeadline } from './usage-view.js';

/**
 * Completes a card's price `view` as describePrice left it (flat amount per interval, tax note)
 * for seat, tiered and usage prices. Every amount comes from the server; nothing is computed.
 */
export function refinePrice(view: PriceView, { main, metered }: ProductPrices, locale: string, t: Translate<PricingMessageKey>): void {
  if (main) {
    const money = (minor: number, trim = true) => formatMoney(minor, main.currency, locale, { trimZeroFraction: trim });
    const minQuantity = main.min_quantity ?? 1;
    if (main.model === 'per_unit') {
      view.amount = money(main.unit_display_amount ?? main.display_amount);
      view.per = `${t('pricing.perUnit', { unit: unitLabel(main, t) })} ${perInterval(main, t)}`;
      if (main.quantity > 1) view.total = t('pricing.total', { amount: money(main.display_amount, false) });
    }
    if (main.model === 'graduated' || main.model === 'volume') {
      if (main.quantity <= minQuantity) [view.before = '', view.after = ''] = t('pricing.from', { amount: '\u0000' }).split('\u0000');
      if (main.tiers?.length) view.tiers = { model: main.model, tiers: main.tiers, currency: main.currency };
    }
    if (main.model === 'per_unit' || main.model === 'graduated' || main.model === 'volume') {
      const max = main.max_quantity ?? 0;
      if (max === 0 || max > minQuantity) view.stepper = { value: main.quantity, min: minQuantity, max };
    }
  } else if (metered[0]) {
    // A pure usage plan: the rate is the headline.
    const rate = usageHeadline(metered[0], locale, t);
    view.amount = rate.amount;
    view.per = t('pricing.perUnit', { unit: unitLabel(metered[0], t) });
    if (rate.firstFree) view.notes.push(rate.firstFree);
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
}
