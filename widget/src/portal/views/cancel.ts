import { html, nothing, type TemplateResult } from 'lit';
import { longDate, mainItem, productName, shortDate } from '../format.js';
import type { PortalMessageKey } from '../messages.js';
import type { FlowStep } from '../portal-store.js';
import type { ViewContext } from './context.js';

/** The reasons a customer can give, as the server's `feedback` values. */
export const cancelReasons = ['too_expensive', 'missing_features', 'switched_service', 'unused', 'customer_service', 'too_complex', 'low_quality', 'other'] as const;

type CancelStep = Extract<FlowStep, { kind: 'cancel' } | { kind: 'pause' }>;

/** Cancel (reason → retention offer → when) and pause (until when). */
export function renderCancelFlow(ctx: ViewContext, flow: CancelStep): TemplateResult {
  const { t, store, overview, ui, locale, actions } = ctx;
  const sub = store.sub(flow.sub);
  if (!sub) return html``;
  const name = productName(overview, mainItem(sub)?.price.product, t);
  const back = html`<button type="button" class="button quiet back" @click=${() => store.setFlow(undefined)}>← ${t('flow.back')}</button>`;
  const error = ui.actionError ? html`<p class="field-error" role="alert">${t('portal.error.action')}</p>` : nothing;

  if (flow.kind === 'pause') {
    const onSubmit = (event: SubmitEvent) => {
      event.preventDefault();
      const value = new FormData(event.target as HTMLFormElement).get('resumes_at');
      // A date picked is the customer's day: resume at its start, in their time zone.
      void actions.pause(sub, typeof value === 'string' && value ? new Date(`${value}T00:00:00`).toISOString() : undefined);
    };
    return html`<form class="step" @submit=${onSubmit}>
      ${back}
      <h2 class="heading" tabindex="-1" data-focus>${t('portal.pause')}</h2>
      <p class="lead">${t('portal.pause.lead', { plan: name })}</p>
      <label class="field">
        <span>${t('portal.pause.until')} <span class="muted">(${t('flow.optional')})</span></span>
        <input type="date" name="resumes_at" min=${sub.current_period_end.slice(0, 10)} />
      </label>
      ${error}
      <div class="actions"><button type="submit" class="button primary" ?disabled=${ui.busy}>${t('portal.pause')}</button></div>
    </form>`;
  }

  const cancelConfig = overview.config.features.subscription_cancel;
  const offer = cancelConfig.retention_offer && !ui.missing.has('accept_offer') && (sub.discounts?.length ?? 0) === 0;
  const periodEnd = shortDate(sub.current_period_end, locale);

  if (flow.stage === 'reason') {
    const onSubmit = (event: SubmitEvent) => {
      event.preventDefault();
      const data = new FormData(event.target as HTMLFormElement);
      const reason = data.get('reason');
      store.setFlow({ ...flow, stage: offer ? 'offer' : 'confirm', comment: String(data.get('comment') ?? ''), ...(typeof reason === 'string' ? { reason } : {}) });
    };
    return html`<form class="step" @submit=${onSubmit}>
      ${back}
      <h2 class="heading" tabindex="-1" data-focus>${t('portal.cancel')}</h2>
      <fieldset class="reasons">
        <legend>${t('portal.cancel.title')}</legend>
        ${cancelReasons.map(
          (reason) => html`<label class="choice"><input type="radio" name="reason" value=${reason} ?checked=${flow.reason === reason} /> ${t(`portal.cancel.reason.${reason}` as PortalMessageKey)}</label>`,
        )}
      </fieldset>
      <label class="field">
        <span>${t('portal.cancel.comment')} <span class="muted">(${t('flow.optional')})</span></span>
        <textarea name="comment" rows="3" maxlength="5000" .value=${flow.comment}></textarea>
      </label>
      <div class="actions">
        <button type="submit" class="button primary">${t('flow.continue')}</button>
        <button type="button" class="button secondary" @click=${() => store.setFlow(undefined)}>${t('portal.cancel.keep')}</button>
      </div>
    </form>`;
  }

  if (flow.stage === 'offer') {
    return html`<div class="step">
      ${back}
      <h2 class="heading" tabindex="-1" data-focus>${t('portal.cancel.offer.title')}</h2>
      <p class="lead">${t('portal.cancel.offer.body')}</p>
      ${error}
      <div class="actions">
        <button type="button" class="button primary" ?disabled=${ui.busy} @click=${() => void actions.acceptOffer(sub)}>${t('portal.cancel.offer.accept')}</button>
        <button type="button" class="button secondary" @click=${() => store.setFlow({ ...flow, stage: 'confirm' })}>${t('portal.cancel.offer.decline')}</button>
      </div>
    </div>`;
  }

  return html`<div class="step">
    ${back}
    <h2 class="heading" tabindex="-1" data-focus>${t('portal.cancel.when')}</h2>
    <p class="lead">${t('portal.cancel.lead', { plan: name, date: longDate(sub.current_period_end, locale) })}</p>
    ${error}
    <div class="actions">
      <button type="button" class="button danger" ?disabled=${ui.busy} @click=${() => void actions.cancel(sub, true, flow.reason, flow.comment)}>${t('portal.cancel.atPeriodEnd', { date: periodEnd })}</button>
      ${cancelConfig.mode === 'immediately'
        ? html`<button type="button" class="button secondary danger" ?disabled=${ui.busy} aria-describedby="now-warning" @click=${() => void actions.cancel(sub, false, flow.reason, flow.comment)}>${t('portal.cancel.now')}</button>
            <p id="now-warning" class="muted small">${t('portal.cancel.nowWarning')}</p>`
        : nothing}
      <button type="button" class="button quiet" @click=${() => store.setFlow(undefined)}>${t('portal.cancel.keep')}</button>
    </div>
  </div>`;
}
