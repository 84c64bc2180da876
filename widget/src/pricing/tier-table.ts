/*
 * A card's expandable tier table ("Show price tiers"): its rows, template and styles. A chunk of
 * its own, loaded only when a response has tiered prices, so flat-priced tables never download it.
 */
import { css, html, type TemplateResult } from 'lit';
import { formatMoney } from '../i18n/money.js';
import { formatUnitAmount } from '../i18n/unit-amount.js';
import { formatNumber } from '../i18n/dates.js';
import type { Translate } from '../i18n/translate.js';
import type { PricingMessageKey } from './messages.js';
import type { PriceTiers } from './price-view.js';
import { isFreeTier } from './usage-view.js';
import type { PricingTier } from './pricing-response.js';

/** One row of a tier table. */
export interface TierRow {
  range: string;
  unitAmount: string;
  flatAmount: string;
}

/** Rows "1–10 · €9.00 · —", "11+ · €7.00 · —" of a tier table. */
export function tierRows(tiers: PricingTier[], currency: string, locale: string, t: Translate<PricingMessageKey>): TierRow[] {
  let from = 1;
  return tiers.map((tier) => {
    const range =
      tier.up_to === null
        ? t('pricing.tiers.rangeOpen', { from: formatNumber(from, locale) })
        : t('pricing.tiers.range', { from: formatNumber(from, locale), to: formatNumber(tier.up_to, locale) });
    if (tier.up_to !== null) from = tier.up_to + 1;
    return {
      range,
      unitAmount: isFreeTier(tier) ? t('pricing.tiers.free') : formatUnitAmount(tier.unit_amount_decimal, currency, locale),
      flatAmount: tier.flat_amount > 0 ? formatMoney(tier.flat_amount, currency, locale) : '—',
    };
  });
}

/**
 * The "Show price tiers" toggle and the table it controls. Rendered closed (hidden) with the
 * card, so opening it needs no request and no chunk.
 */
export function renderTiers(productId: string, tiers: PriceTiers, open: boolean, locale: string, t: Translate<PricingMessageKey>, onToggle: () => void): TemplateResult {
  return html`<button type="button" class="button quiet tiers-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls="tiers-${productId}" @click=${onToggle}>
      ${open ? t('pricing.tiers.hide') : t('pricing.tiers.show')}
      <svg class="chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M4 6l4 4 4-4" /></svg>
    </button>
    <div id="tiers-${productId}" class="tiers" ?hidden=${!open}>
      <table>
        <caption class="visually-hidden">${t('pricing.tiers.caption')}</caption>
        <thead>
          <tr><th scope="col">${t('pricing.tiers.quantity')}</th><th scope="col">${t('pricing.tiers.unitPrice')}</th><th scope="col">${t('pricing.tiers.flat')}</th></tr>
        </thead>
        <tbody>
          ${tierRows(tiers.tiers, tiers.currency, locale, t).map((row) => html`<tr><th scope="row">${row.range}</th><td>${row.unitAmount}</td><td>${row.flatAmount}</td></tr>`)}
        </tbody>
      </table>
      <p class="tiers-note">${tiers.model === 'volume' ? t('pricing.tiers.volumeNote') : t('pricing.tiers.graduatedNote')}</p>
    </div>`;
}

/** Styles of {@link renderTiers}, adopted by the table when this chunk arrives. */
export const tierStyles = css`
  .tiers-toggle {
    margin-top: 0.625rem;
    font-size: 0.875rem;
  }
  .chevron {
    width: 0.875rem;
    height: 0.875rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.75;
    stroke-linecap: round;
    transition: transform var(--_transition);
  }
  [aria-expanded='true'] .chevron {
    transform: rotate(180deg);
  }
  .tiers {
    margin-top: 0.5rem;
    padding: 0.75rem;
    border-radius: var(--_radius-small);
    background: var(--_surface-muted);
    font-size: 0.8125rem;
  }
  .tiers table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .tiers th,
  .tiers td {
    padding: 0.3125rem 0.25rem;
    text-align: end;
    font-weight: 500;
  }
  .tiers th:first-child {
    text-align: start;
  }
  .tiers thead th {
    color: var(--_text-muted);
    font-weight: 600;
    border-bottom: 1px solid var(--_border);
  }
  .tiers-note {
    margin: 0.5rem 0 0;
    color: var(--_text-muted);
  }
`;
