/*
 * The table's controls that only some data needs: the Monthly | Yearly switch (more than one
 * interval), the currency menu (more than one currency) and what a card shows under its price
 * for seat, tier and usage prices. Part of the extras chunk, with the elements they render and
 * their copy.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatPercent } from '../i18n/percent.js';
import type { Translate } from '../i18n/translate.js';
import type { SeatStepper } from '../shared/seat-stepper/seat-stepper.component.js';
import { renderSegments, type SegmentOption } from '../shared/segmented-control/segments.js';
import type { CardChoices } from './card-choices.js';
import type { PricingMessageKey } from './messages.js';
import type { PriceView } from './price-view.js';
import { renderTiers } from './tier-table.js';
import type { PricingInterval, PricingResponse } from './pricing-response.js';

/**
 * The interval switch (a radio group, see renderSegments), with "Save 17%" on Yearly when a plan saves by paying yearly (the
 * server's `yearly_saving_percent`, never computed here). Nothing for a single interval.
 */
export function renderIntervalSwitch(data: PricingResponse, interval: PricingInterval, locale: string, t: Translate<PricingMessageKey>, onChange: (interval: PricingInterval) => void): TemplateResult | typeof nothing {
  if (data.intervals.length < 2) return nothing;
  const saving = Math.max(0, ...data.products.map((p) => p.yearly_saving_percent ?? 0));
  const options: SegmentOption[] = data.intervals.map((value) => ({
    value,
    label: t(`pricing.interval.${value}`),
    ...(value === 'year' && saving > 0 ? { hint: t('pricing.save', { percent: formatPercent(saving, locale) }) } : {}),
  }));
  // The radio group in the table's own shadow root, not an <abona-segmented-control>: the element
  // would add an upgrade, a shadow root and an update of its own to the first render. The wrapper
  // is the inline-block that element's host is, so the switch looks the same.
  return html`<div class="segments">${renderSegments(options, interval, t('pricing.interval.label'), (index) => onChange(data.intervals[index] ?? interval))}</div>`;
}

/**
 * What a card shows under its price for seat, tier and usage prices: the seat stepper (showing
 * the seats chosen so far), the total for them, the usage lines and the tier table's toggle.
 */
export function renderPriceParts(productId: string, view: PriceView, choices: CardChoices, locale: string, t: Translate<PricingMessageKey>): TemplateResult {
  const { stepper } = view;
  return html`${stepper
      ? html`<abona-seat-stepper
          class="seats"
          .value=${choices.shownSeats[productId] ?? stepper.value}
          .min=${stepper.min}
          .max=${stepper.max}
          label=${t('pricing.seats')}
          decrease-label=${t('common.stepper.decrease')}
          increase-label=${t('common.stepper.increase')}
          @change=${(event: Event) => choices.changeSeats(productId, (event.target as SeatStepper).value)}
        ></abona-seat-stepper>`
      : nothing}
    ${view.total ? html`<p class="total">${view.total}</p>` : nothing}
    ${view.usage.map((line) => html`<p class="usage">${line}</p>`)}
    ${view.tiers ? renderTiers(productId, view.tiers, choices.openTiers.has(productId), locale, t, () => choices.toggleTiers(productId)) : nothing}`;
}
/** The currency menu; nothing when the prices come in one currency only. */
export function renderCurrencyMenu(data: PricingResponse, t: Translate<PricingMessageKey>, onChange: (event: Event) => void): TemplateResult | typeof nothing {
  if (data.available_currencies.length < 2) return nothing;
  return html`<label class="currency">
    <span class="visually-hidden">${t('pricing.currency.label')}</span>
    <select @change=${onChange}>
      ${data.available_currencies.map((c) => html`<option value=${c} ?selected=${c === data.currency}>${c}</option>`)}
    </select>
  </label>`;
}
