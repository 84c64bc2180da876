import { html, nothing, type TemplateResult } from 'lit';
import { formatMoney } from '../../i18n/money.js';
import { statusPill } from '../../shared/status-pill.js';
import { isMetered, longDate, mainItem, perInterval, productName, statusOf } from '../format.js';
import type { PortalSubscription } from '../portal-types.js';
import type { ViewContext } from './context.js';
import { isPayable, type PayableInvoice } from '../pay-types.js';
import { openPayment } from './pay-open.js';

const live = (sub: PortalSubscription) => sub.status !== 'canceled' && sub.status !== 'incomplete_expired';

/** The overview: a past-due banner when a payment failed, then a card per subscription. */
export function renderOverview(ctx: ViewContext): TemplateResult {
  const { overview, t } = ctx;
  const subs = overview.subscriptions.filter(live);
  const pastDue = subs.find((s) => s.status === 'past_due' || s.status === 'unpaid');
  // The failed invoice, once the invoices are in (the portal loads them when a subscription is past due).
  const owed = pastDue ? (ctx.store.invoices.$state.get().data as PayableInvoice[] | undefined)?.find((i) => i.subscription === pastDue.id && isPayable(i)) : undefined;
  const plan = pastDue ? productName(overview, mainItem(pastDue)?.price.product, t) : '';
  return html`<h2 class="heading" tabindex="-1" data-focus>${t('portal.title')}</h2>
    ${pastDue
      ? html`<div class="banner" part="banner" role="alert">
          <p>${owed && !ctx.ui.missing.has('pay') ? t('portal.pastDue.bannerPay', { amount: formatMoney(owed.amount_remaining, owed.currency.toUpperCase(), ctx.locale), plan }) : t('portal.pastDue.banner', { plan })}</p>
          <div class="actions">
            ${owed && !ctx.ui.missing.has('pay')
              ? html`<button type="button" class="button primary" ?disabled=${ctx.ui.busy} @click=${() => openPayment(ctx, owed)}>${t('portal.invoices.payNow')}</button>`
              : nothing}
            <button type="button" class=${owed ? 'button secondary' : 'button primary'} @click=${() => ctx.store.openTab('payment-methods')}>${t('portal.pastDue.action')}</button>
          </div>
        </div>`
      : nothing}
    ${subs.length === 0 ? html`<p class="empty">${t('portal.empty')}</p>` : subs.map((sub) => renderSubscription(ctx, sub))}`;
}

function renderSubscription(ctx: ViewContext, sub: PortalSubscription): TemplateResult {
  const { overview, t, locale, store, ui, actions } = ctx;
  const item = mainItem(sub);
  const metered = sub.items.data.filter((i) => isMetered(overview, sub, i));
  const name = productName(overview, item?.price.product, t);
  const status = statusOf(sub, locale, t);
  const features = overview.config.features;
  const canChange = features.subscription_update.enabled && !ui.missing.has('change') && sub.status !== 'paused' && !sub.cancel_at_period_end && !ui.scheduled[sub.id];
  const fromServer = sub.scheduled_change;
  // Seats change on any live plan; switching plans needs plans to switch to.
  const seatsChangeable = !ui.missing.has('change') && (sub.status === 'active' || sub.status === 'trialing' || sub.status === 'past_due') && !sub.cancel_at_period_end;
  const scheduled = ui.scheduled[sub.id] ?? (fromServer?.items[0] ? { price: fromServer.items[0].price, effectiveAt: fromServer.effective_at } : undefined);
  const seatable = item ? seatLimits(ctx, item.price.id) : undefined;
  const addOns = sub.items.data.filter((i) => i !== item);
  const upcoming = overview.upcoming[sub.id];
  return html`<article class="card subscription" part="subscription" aria-labelledby="sub-${sub.id}">
    <header class="card-head">
      <h3 id="sub-${sub.id}" class="plan">${name}</h3>
      ${statusPill(status.label, status.tone)}
    </header>
    <dl class="facts">
      ${item && item.price.unit_amount !== null
        ? html`<div><dt>${t('portal.price')}</dt><dd>${formatMoney(item.price.unit_amount, sub.currency.toUpperCase(), locale)} ${perInterval(item.price.recurring, t)}</dd></div>`
        : nothing}
      ${item && (item.quantity > 1 || seatable) ? html`<div><dt>${t('portal.seats.label')}</dt><dd>${t('portal.seats', { count: item.quantity })}</dd></div>` : nothing}
      ${addOns.map((addOn) => html`<div><dt>${t(metered.includes(addOn) ? 'portal.usageBased' : 'portal.addOn')}</dt><dd>${productName(overview, addOn.price.product, t)}</dd></div>`)}
      ${sub.status === 'paused' || sub.cancel_at_period_end
        ? nothing
        : upcoming
          ? nothing
          : html`<div><dt>${t('portal.renews')}</dt><dd>${longDate(sub.current_period_end, locale)}</dd></div>`}
    </dl>
    ${upcoming && sub.status !== 'paused' && !sub.cancel_at_period_end
      ? html`<p class="next-invoice" part="next-invoice">${t('portal.nextInvoice', { amount: formatMoney(upcoming.amount_due, upcoming.currency.toUpperCase(), locale), date: longDate(upcoming.next_payment_attempt, locale) })}</p>`
      : nothing}
    ${scheduled
      ? html`<div class="note">
          <p>${t('portal.downgrade.scheduled', { plan: productName(overview, productOfPrice(ctx, scheduled.price), t), date: longDate(scheduled.effectiveAt, locale), current: name })}</p>
          ${ui.missing.has('cancel_scheduled_change') ? nothing : html`<button type="button" class="button secondary" ?disabled=${ui.busy} @click=${() => void actions.undoScheduledChange(sub)}>${t('portal.downgrade.keep', { plan: name })}</button>`}
        </div>`
      : nothing}
    <div class="actions">
      ${sub.cancel_at_period_end
        ? ui.missing.has('uncancel')
          ? nothing
          : html`<button type="button" class="button primary" ?disabled=${ui.busy} @click=${() => void actions.uncancel(sub)}>${t('portal.cancel.keep')}</button>`
        : nothing}
      ${canChange ? html`<button type="button" class="button secondary" @click=${() => store.setFlow({ kind: 'plans', sub: sub.id })}>${t('portal.changePlan')}</button>` : nothing}
      ${seatsChangeable && item && seatable
        ? html`<button type="button" class="button secondary" @click=${() => store.setFlow({ kind: 'seats', sub: sub.id, quantity: item.quantity })}>${t('portal.changeSeats')}</button>`
        : nothing}
      ${sub.status === 'paused'
        ? ui.missing.has('resume')
          ? nothing
          : html`<button type="button" class="button primary" ?disabled=${ui.busy} @click=${() => void actions.resume(sub)}>${t('portal.resume')}</button>`
        : features.subscription_pause.enabled && !sub.cancel_at_period_end && !ui.missing.has('pause') && (sub.status === 'active' || sub.status === 'trialing')
          ? html`<button type="button" class="button quiet" @click=${() => store.setFlow({ kind: 'pause', sub: sub.id })}>${t('portal.pause')}</button>`
          : nothing}
      ${features.subscription_cancel.enabled && !sub.cancel_at_period_end && !ui.missing.has('cancel')
        ? html`<button type="button" class="button quiet danger" @click=${() => store.setFlow({ kind: 'cancel', sub: sub.id, stage: 'reason', comment: '' })}>${t('portal.cancel')}</button>`
        : nothing}
    </div>
    ${ui.actionError && !ui.flow ? html`<p class="field-error" role="alert">${t('portal.error.action')}</p>` : nothing}
  </article>`;
}

/** Seat limits of a per-seat price, from the public catalog; undefined when seats can't change. */
export function seatLimits(ctx: ViewContext, priceId: string): { min: number; max: number } | undefined {
  for (const product of ctx.overview.pricing?.products ?? []) {
    const price = product.prices.find((p) => p.id === priceId);
    if (!price) continue;
    if (price.usage_type !== 'licensed' || !['per_unit', 'graduated', 'volume'].includes(price.model)) return undefined;
    return { min: price.min_quantity ?? 1, max: price.max_quantity ?? 10_000 };
  }
  return undefined;
}

/** The product of a price the customer may move to. */
export function productOfPrice(ctx: ViewContext, priceId: string): string | undefined {
  const plan = ctx.overview.config.features.subscription_update.products.find((p) => p.prices.includes(priceId));
  if (plan) return plan.product;
  return ctx.overview.pricing?.products.find((p) => p.prices.some((price) => price.id === priceId))?.id;
}
