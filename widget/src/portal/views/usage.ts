import { html, type TemplateResult } from 'lit';
import { formatNumber } from '../../i18n/dates.js';
import { formatMoney } from '../../i18n/money.js';
import { errorState } from '../../shared/error-state.js';
import { skeletonBlock } from '../../shared/skeleton.js';
import { isMetered, productName, shortDate } from '../format.js';
import type { PortalSubscription } from '../portal-types.js';
import type { ViewContext } from './context.js';

/** Usage: a meter per metered price of each live subscription. */
export function renderUsage(ctx: ViewContext): TemplateResult {
  const { t, overview } = ctx;
  const subs = overview.subscriptions.filter((s) => s.status !== 'canceled' && s.items.data.some((i) => isMetered(overview, s, i)));
  return html`<h2 class="heading" tabindex="-1" data-focus>${t('portal.nav.usage')}</h2>
    ${subs.length === 0 ? html`<p class="empty">${t('portal.usage.empty')}</p>` : subs.map((sub) => renderMeters(ctx, sub))}`;
}

function renderMeters(ctx: ViewContext, sub: PortalSubscription): TemplateResult {
  const { t, locale, store, overview } = ctx;
  const resource = store.usageOf(sub.id);
  const state = resource.$state.get();
  if (state.status === 'idle') void resource.load().then(() => ctx.host.requestUpdate());
  if (state.status === 'error' && !state.data) {
    if (state.error && store.noteMissing('usage', state.error)) return html``;
    return errorState({ title: t('common.error.title'), message: t('common.error.server'), retryLabel: t('common.retry'), onRetry: () => void resource.load(true).then(() => ctx.host.requestUpdate()) });
  }
  if (!state.data) return html`<div role="status" class="loading"><span class="visually-hidden">${t('common.loading')}</span>${skeletonBlock('sk-line')}</div>`;
  const usage = state.data;
  if (usage.data.length === 0) return html`<p class="empty">${t('portal.usage.empty')}</p>`;
  const resets = shortDate(usage.period.end, locale);
  return html`${usage.data.map((meter) => {
    const item = sub.items.data.find((i) => i.price.id === meter.price);
    const unit = productName(overview, item?.price.product, t);
    const included = meter.included;
    const text =
      included > 0
        ? t('portal.usage.meter', { used: formatNumber(meter.quantity, locale), included: formatNumber(included, locale), unit, date: resets })
        : t('portal.usage.unmetered', { used: formatNumber(meter.quantity, locale), unit, date: resets });
    return html`<article class="card meter">
      <p>${text}</p>
      ${included > 0
        ? html`<div class="bar" role="meter" aria-valuemin="0" aria-valuemax=${included} aria-valuenow=${Math.min(meter.quantity, included)} aria-label=${unit}>
            <span class="fill" data-ratio=${Math.min(1, meter.quantity / included)}></span>
          </div>`
        : ''}
      ${meter.amount > 0 ? html`<p class="muted">${t('portal.usage.overage', { amount: formatMoney(meter.amount, usage.currency.toUpperCase(), locale) })}</p>` : ''}
    </article>`;
  })}`;
}
