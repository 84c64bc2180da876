import { html, nothing, type TemplateResult } from 'lit';
import { isExpired, paymentMethodLabel } from '../format.js';
import type { PortalPaymentMethod } from '../portal-types.js';
import type { ViewContext } from './context.js';

/** Test cards of the sandbox (test mode only). */
const testCard = '4242 4242 4242 4242';

/** Payment methods: brand, last four, expiry, default badge; add, make default, remove. */
export function renderPaymentMethods(ctx: ViewContext): TemplateResult {
  const { t, overview, ui } = ctx;
  const methods = overview.paymentMethods;
  const activeSubs = overview.subscriptions.filter((s) => s.status === 'active' || s.status === 'trialing' || s.status === 'past_due');
  const canEdit = overview.config.features.payment_method_update.enabled && ui.missing.has('pm_checked');
  const nowMs = Date.now();
  const adding = ui.addingCard;
  return html`<h2 class="heading" tabindex="-1" data-focus>${t('portal.nav.paymentMethods')}</h2>
    ${methods.length === 0 ? html`<p class="empty">${t('portal.pm.empty')}</p>` : nothing}
    <ul class="list" aria-label=${t('portal.nav.paymentMethods')}>
      ${methods.map((pm) => {
        const last = methods.length === 1 && activeSubs.length > 0;
        return html`<li class="row pm">
          <span class="pm-label">
            <strong>${paymentMethodLabel(pm, t)}</strong>
            ${pm.card?.exp_month && pm.card.exp_year
              ? html`<span class="muted">${isExpired(pm, nowMs) ? t('portal.pm.expired') : t('portal.pm.expires', { month: String(pm.card.exp_month).padStart(2, '0'), year: String(pm.card.exp_year).slice(-2) })}</span>`
              : nothing}
            ${pm.default ? html`<span class="pill pill-info">${t('portal.pm.default')}</span>` : nothing}
          </span>
          ${canEdit
            ? html`<span class="row-actions">
                ${pm.default || ui.missing.has('pm_default') ? nothing : html`<button type="button" class="button quiet" ?disabled=${ui.busy} @click=${() => void setDefault(ctx, pm)}>${t('portal.pm.makeDefault')}</button>`}
                ${ui.missing.has('pm_remove')
                  ? nothing
                  : html`<button
                      type="button"
                      class="button quiet danger"
                      aria-disabled=${last ? 'true' : 'false'}
                      aria-describedby=${last ? 'pm-last' : nothing}
                      ?disabled=${ui.busy}
                      @click=${() => (last ? undefined : void remove(ctx, pm))}
                    >
                      ${t('portal.pm.remove')}<span class="visually-hidden"> ${paymentMethodLabel(pm, t)}</span>
                    </button>`}
              </span>`
            : nothing}
        </li>`;
      })}
    </ul>
    ${methods.length === 1 && activeSubs.length > 0 ? html`<p id="pm-last" class="muted small">${t('portal.pm.removeLast')}</p>` : nothing}
    ${ui.actionError && !adding ? html`<p class="field-error" role="alert">${t('portal.error.action')}</p>` : nothing}
    ${canEdit && !ui.missing.has('pm_add') ? (adding ? renderCardForm(ctx) : html`<button type="button" class="button secondary" @click=${() => openAdder(ctx)}>${t('portal.pm.add')}</button>`) : nothing}`;
}

function openAdder(ctx: ViewContext): void {
  ctx.store.patch({ addingCard: true, actionError: undefined });
}

async function setDefault(ctx: ViewContext, pm: PortalPaymentMethod): Promise<void> {
  const done = await ctx.store.act('pm_default', () => ctx.store.client.post(`/payment_methods/${pm.id}/default`, {}), () => ctx.t('portal.pm.defaultSet'));
  if (done) await ctx.store.refreshPaymentMethods();
}

async function remove(ctx: ViewContext, pm: PortalPaymentMethod): Promise<void> {
  const done = await ctx.store.act('pm_remove', () => ctx.store.client.del(`/payment_methods/${pm.id}`), () => ctx.t('portal.pm.removed'));
  if (done) await ctx.store.refreshPaymentMethods();
}

/** Reads "12 / 30" or "12/30" into month and four-digit year. */
function readExpiry(value: string): { month: number; year: number } | undefined {
  const match = /^\s*(\d{1,2})\s*\/?\s*(\d{2})\s*$/.exec(value);
  if (!match) return undefined;
  const month = Number(match[1]);
  return month >= 1 && month <= 12 ? { month, year: 2000 + Number(match[2]) } : undefined;
}

function renderCardForm(ctx: ViewContext): TemplateResult {
  const { t, ui, store } = ctx;
  const error = ui.actionError;
  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const expiry = readExpiry(String(data.get('expiry') ?? ''));
    const card = { number: String(data.get('number') ?? '').replace(/\D/g, ''), exp_month: expiry?.month ?? 0, exp_year: expiry?.year ?? 0, cvc: String(data.get('cvc') ?? '') };
    const done = await store.act('pm_add', () => store.client.post('/payment_methods', { card }), () => t('portal.pm.added'));
    if (!done) return;
    store.patch({ addingCard: false });
    await store.refreshPaymentMethods();
  };
  return html`<form class="card card-form" @submit=${onSubmit} aria-labelledby="add-card-title">
    <h3 id="add-card-title" tabindex="-1" data-focus>${t('portal.pm.add')}</h3>
    <p class="test-badge">${t('flow.testMode')} · ${t('portal.pm.testCard', { number: testCard })}</p>
    <label class="field"><span>${t('portal.pm.number')}</span><input name="number" inputmode="numeric" autocomplete="cc-number" required aria-invalid=${error ? 'true' : 'false'} aria-describedby="card-error" /></label>
    <div class="field-row">
      <label class="field"><span>${t('portal.pm.expiry')}</span><input name="expiry" autocomplete="cc-exp" placeholder="MM / YY" required /></label>
      <label class="field"><span>${t('portal.pm.cvc')}</span><input name="cvc" inputmode="numeric" autocomplete="cc-csc" required maxlength="4" /></label>
    </div>
    <p id="card-error" class="field-error" role="alert">${error ? (error.status === 402 ? t('portal.pm.declined') : error.message) : ''}</p>
    <div class="actions">
      <button type="submit" class="button primary" ?disabled=${ui.busy}>${ui.busy ? t('flow.processing') : t('flow.save')}</button>
      <button type="button" class="button secondary" @click=${() => store.patch({ addingCard: false, actionError: undefined })}>${t('flow.cancel')}</button>
    </div>
  </form>`;
}
