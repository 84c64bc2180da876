import { html, nothing, type TemplateResult } from 'lit';
import type { AbonaPlanSelectedEvent } from '../../events/plan-selected.js';
import { formatMoney } from '../../i18n/money.js';
import type { SeatStepper } from '../../shared/seat-stepper/seat-stepper.component.js';
import { isMetered, longDate, mainItem, perInterval, productName, shortDate } from '../format.js';
import type { FlowStep, ItemsChange } from '../portal-store.js';
import type { ChangePreview, InvoiceLine, PortalSubscription } from '../portal-types.js';
import type { ViewContext } from './context.js';
import { productOfPrice, seatLimits } from './overview.js';

type ChangeStep = Exclude<FlowStep, { kind: 'cancel' } | { kind: 'pause' }>;

/** Change plan / seats: the plans, the review with the server's exact lines, 3-D Secure, done. */
export function renderChangeFlow(ctx: ViewContext, flow: ChangeStep): TemplateResult {
  const sub = ctx.store.sub(flow.sub);
  if (!sub) return html``;
  switch (flow.kind) {
    case 'plans':
      return renderPlans(ctx, sub);
    case 'seats':
      return renderSeats(ctx, sub, flow.quantity);
    case 'review':
      return renderReview(ctx, sub, flow);
    case 'three-ds':
      return renderThreeDs(ctx, sub, flow);
    case 'done':
      return html`<div class="step"><h2 class="heading" tabindex="-1" data-focus>${flow.message}</h2>${backButton(ctx)}</div>`;
  }
}

function backButton(ctx: ViewContext, onClick = () => ctx.store.setFlow(undefined)): TemplateResult {
  return html`<button type="button" class="button quiet back" @click=${onClick}>← ${ctx.t('flow.back')}</button>`;
}

/** Every item after moving the plan item to `priceId` (seats kept where they count). */
function itemsWith(ctx: ViewContext, sub: PortalSubscription, priceId: string, quantity?: number): ItemsChange {
  const main = mainItem(sub);
  return sub.items.data.map((item) =>
    item === main ? { price: priceId, quantity: quantity ?? item.quantity } : isMetered(ctx.overview, sub, item) ? { price: item.price.id } : { price: item.price.id, quantity: item.quantity },
  );
}

function renderPlans(ctx: ViewContext, sub: PortalSubscription): TemplateResult {
  const { t, host, store } = ctx;
  const settings = host.portalSettings;
  const current = mainItem(sub);
  const onSelected = (event: AbonaPlanSelectedEvent) => {
    // The portal handles the choice; the page's own listeners for pricing tables don't need it.
    event.stopPropagation();
    if (event.detail.priceId === current?.price.id || !event.detail.priceId) return;
    const seats = seatLimits(ctx, event.detail.priceId) ? current?.quantity : 1;
    void store.review(sub.id, itemsWith(ctx, sub, event.detail.priceId, seats), 'plans');
  };
  return html`<div class="step">
    ${backButton(ctx)}
    <h2 class="heading" tabindex="-1" data-focus>${t('portal.changePlan')}</h2>
    ${settings.keyKind === 'publishable'
      ? html`<abona-pricing-table
          publishable-key=${settings.publishableKey}
          api-base=${settings.apiBase}
          locale=${settings.locale}
          theme=${settings.theme}
          currency=${sub.currency.toUpperCase()}
          interval=${current?.price.recurring?.interval ?? 'month'}
          current-price=${current?.price.id ?? ''}
          exportparts="card, cta"
          @abona-plan-selected=${onSelected}
        ></abona-pricing-table>`
      : html`<p class="empty">${t('common.error.configuration')}</p>`}
  </div>`;
}

function renderSeats(ctx: ViewContext, sub: PortalSubscription, quantity: number): TemplateResult {
  const { t, store } = ctx;
  const item = mainItem(sub);
  const limits = item ? seatLimits(ctx, item.price.id) : undefined;
  if (!item || !limits) return html``;
  const onChange = (event: Event) => store.setFlow({ kind: 'seats', sub: sub.id, quantity: (event.target as SeatStepper).value });
  return html`<div class="step">
    ${backButton(ctx)}
    <h2 class="heading" tabindex="-1" data-focus>${t('portal.changeSeats')}</h2>
    <abona-seat-stepper
      .value=${quantity}
      .min=${limits.min}
      .max=${limits.max}
      label=${t('portal.seats.label')}
      decrease-label=${t('common.stepper.decrease')}
      increase-label=${t('common.stepper.increase')}
      @change=${onChange}
    ></abona-seat-stepper>
    <div class="actions">
      <button type="button" class="button primary" ?disabled=${quantity === item.quantity} @click=${() => void store.review(sub.id, itemsWith(ctx, sub, item.price.id, quantity), 'seats')}>
        ${t('flow.continue')}
      </button>
    </div>
  </div>`;
}

/** A line of the preview in the customer's words: "Unused time on Pro (26 Nov – 26 Dec)". */
function lineLabel(ctx: ViewContext, line: InvoiceLine): string {
  const { t, locale, overview } = ctx;
  const plan = productName(overview, line.product ?? (line.price ? productOfPrice(ctx, line.price) : undefined), t);
  if (line.kind === 'proration' && line.amount < 0 && line.period) {
    return t('portal.review.unused', { plan, from: shortDate(line.period.start, locale), to: shortDate(line.period.end, locale) });
  }
  if (line.kind === 'proration') return t('portal.review.remaining', { plan });
  return line.quantity > 1 ? `${plan} × ${line.quantity}` : plan;
}

/** What the next regular invoice charges for the plan: its subscription lines, before tax. */
function recurringAmount(preview: ChangePreview): number | undefined {
  const lines = preview.next_invoice_lines.filter((l) => l.kind === 'subscription');
  return lines.length === 0 ? undefined : lines.reduce((sum, l) => sum + l.amount, 0);
}

/** The prorations a change adds to the next invoice (when nothing is charged now). */
function prorationTotal(preview: ChangePreview): number {
  return preview.lines.filter((l) => l.kind === 'proration').reduce((sum, l) => sum + l.amount, 0);
}

function renderReview(ctx: ViewContext, sub: PortalSubscription, flow: Extract<FlowStep, { kind: 'review' }>): TemplateResult {
  const { t, store } = ctx;
  const back = () => store.setFlow(flow.back === 'plans' ? { kind: 'plans', sub: sub.id } : { kind: 'seats', sub: sub.id, quantity: flow.items[0]?.quantity ?? 1 });
  const heading = html`${backButton(ctx, back)}<h2 id="review-title" class="heading" tabindex="-1" data-focus>${t('portal.review.title')}</h2>`;
  // One outer template for every state, so the focused heading survives the preview's arrival.
  return html`<div class="step" part="review">${heading}${reviewBody(ctx, sub, flow)}</div>`;
}

function reviewBody(ctx: ViewContext, sub: PortalSubscription, flow: Extract<FlowStep, { kind: 'review' }>): TemplateResult {
  const { t, locale, store, ui, actions, overview } = ctx;
  if (flow.busy) return html`<div role="status" class="loading"><span>${t('common.loading')}</span></div>`;
  if (flow.error || !flow.preview) {
    return html`<p class="field-error" role="alert">${flow.error?.message ?? t('common.error.server')}</p>
      <button type="button" class="button secondary" @click=${() => void store.review(sub.id, flow.items, flow.back)}>${t('common.retry')}</button>`;
  }
  const preview = flow.preview;
  const currency = (preview.invoice?.currency ?? sub.currency).toUpperCase();
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const current = mainItem(sub);
  const currentName = productName(overview, current?.price.product, t);
  const target = flow.items[0];
  const targetName = productName(overview, target ? productOfPrice(ctx, target.price) : undefined, t);
  const recurring = recurringAmount(preview);
  const later = preview.effective === 'period_end';
  const invoice = preview.invoice;
  return html`${later
      ? html`<p class="lead">${t('portal.downgrade.scheduled', { plan: targetName, date: longDate(preview.effective_at, locale), current: currentName })}</p>`
      : html`<table class="lines" aria-labelledby="review-title">
          <tbody>
            ${(invoice?.lines ?? preview.lines).map((line) => html`<tr><th scope="row">${lineLabel(ctx, line)}</th><td>${line.amount < 0 ? '−' : '+'}${money(Math.abs(line.amount))}</td></tr>`)}
            ${invoice && invoice.total_discount > 0 ? html`<tr><th scope="row">${t('portal.review.discount')}</th><td>−${money(invoice.total_discount)}</td></tr>` : nothing}
            ${(invoice?.tax_breakdown ?? []).map((tax) => html`<tr><th scope="row">${tax.label}</th><td>${money(tax.amount)}</td></tr>`)}
          </tbody>
          <tfoot>
            <tr class="total"><th scope="row">${t('portal.review.dueToday')}</th><td>${money(invoice?.amount_due ?? preview.amount_due_now)}</td></tr>
          </tfoot>
        </table>`}
    ${!later && !preview.invoice_now && preview.total_now === 0 && prorationTotal(preview) !== 0
      ? html`<p class="then">${t('portal.review.nextInvoice', { amount: money(prorationTotal(preview)), date: shortDate(sub.current_period_end, locale) })}</p>`
      : nothing}
    ${recurring !== undefined
      ? html`<p class="then">${t('portal.review.then', { amount: money(recurring), per: perInterval(current?.price.recurring ?? null, t), date: shortDate(later ? preview.effective_at : sub.current_period_end, locale) })}</p>`
      : nothing}
    ${ui.actionError
      ? html`<p class="field-error" role="alert">
          ${ui.actionError.status === 409 ? t('portal.error.conflict') : ui.actionError.status === 402 || ui.actionError.code === 'payment_failed' ? t('portal.change.paymentFailed') : t('portal.error.action')}
        </p>`
      : nothing}
    <div class="actions">
      <button type="button" class="button primary" ?disabled=${ui.busy} @click=${() => void actions.confirmChange(sub, flow.items)}>${ui.busy ? t('flow.processing') : t('portal.review.confirm')}</button>
      <button type="button" class="button secondary" @click=${() => store.setFlow(undefined)}>${t('flow.cancel')}</button>
    </div>`;
}

function renderThreeDs(ctx: ViewContext, sub: PortalSubscription, flow: Extract<FlowStep, { kind: 'three-ds' }>): TemplateResult {
  const { t, ui, actions, store } = ctx;
  return html`<abona-dialog class="three-ds" open label=${t('portal.threeDs.title')} close-label=${t('common.close')} @close=${() => store.setFlow(undefined)}>
    <p>${t('portal.threeDs.body')}</p>
    <p class="test-badge">${t('flow.testMode')}</p>
    <div class="actions">
      <button type="button" class="button primary" ?disabled=${ui.busy} @click=${() => void actions.finishThreeDs(sub, flow.items, flow.actionId, 'complete')}>${t('portal.threeDs.complete')}</button>
      <button type="button" class="button secondary" ?disabled=${ui.busy} @click=${() => void actions.finishThreeDs(sub, flow.items, flow.actionId, 'fail')}>${t('portal.threeDs.fail')}</button>
    </div>
  </abona-dialog>`;
}
