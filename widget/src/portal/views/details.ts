import { html, nothing, type TemplateResult } from 'lit';
import type { ViewContext } from './context.js';

/** Tax id types offered in the form; the server validates format and check digits for each. */
const taxIdTypes = ['eu_vat', 'gb_vat', 'ch_vat', 'no_vat', 'us_ein', 'ca_bn', 'au_abn', 'in_gst'] as const;
const typeLabel = (type: string) => type.replace('_', ' ').toUpperCase();

/** Billing details: name, email, address and tax id; changes apply to future invoices. */
export function renderDetails(ctx: ViewContext): TemplateResult {
  const { t, overview, ui, store } = ctx;
  const customer = overview.customer;
  const address = customer.address;
  const taxId = customer.tax_ids[0];
  const allowed = new Set(overview.config.features.customer_update.allowed_updates);
  const error = ui.actionError;
  const fieldError = (param: string) => (error?.param === param || error?.param?.startsWith(`${param}[`) ? error : undefined);
  const taxError = fieldError('tax_id');
  const emailError = fieldError('email');
  const otherError = error && !taxError && !emailError ? error : undefined;
  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => {
      const value = String(data.get(name) ?? '').trim();
      return value === '' ? null : value;
    };
    const params: Record<string, unknown> = {};
    if (allowed.has('name')) params['name'] = text('name');
    if (allowed.has('email')) params['email'] = text('email');
    if (allowed.has('address')) {
      params['address'] = { line1: text('line1'), line2: text('line2'), city: text('city'), state: text('state'), postal_code: text('postal_code'), country: text('country')?.toUpperCase() ?? null };
    }
    if (allowed.has('tax_id')) {
      const value = text('tax_id');
      params['tax_id'] = value === null ? null : { type: String(data.get('tax_id_type') ?? 'eu_vat'), value };
    }
    await store.updateCustomer(params);
    if (!store.$ui.get().actionError) store.patch({ notice: t('flow.saved') });
  };
  const input = (name: string, label: string, value: string | null | undefined, attrs: { type?: string; autocomplete?: string } = {}) =>
    html`<label class="field"><span>${label}</span><input name=${name} type=${attrs.type ?? 'text'} autocomplete=${attrs.autocomplete ?? 'off'} .value=${value ?? ''} /></label>`;
  return html`<form class="step details" @submit=${onSubmit} novalidate>
    <h2 class="heading" tabindex="-1" data-focus>${t('portal.nav.billingDetails')}</h2>
    <p class="muted">${t('portal.details.note')}</p>
    ${allowed.has('name') ? input('name', t('portal.details.name'), customer.name, { autocomplete: 'name' }) : nothing}
    ${allowed.has('email')
      ? html`<label class="field"><span>${t('portal.details.email')}</span>
          <input name="email" type="email" autocomplete="email" .value=${customer.email ?? ''} aria-invalid=${emailError ? 'true' : 'false'} aria-describedby="email-error" />
          <span id="email-error" class="field-error">${emailError ? t('portal.details.emailInvalid') : ''}</span>
        </label>`
      : nothing}
    ${allowed.has('address')
      ? html`<fieldset class="address">
          <legend>${t('portal.details.address')}</legend>
          ${input('line1', t('portal.details.line1'), address?.line1, { autocomplete: 'address-line1' })}
          ${input('line2', t('portal.details.line2'), address?.line2, { autocomplete: 'address-line2' })}
          <div class="field-row">
            ${input('postal_code', t('portal.details.postalCode'), address?.postal_code, { autocomplete: 'postal-code' })}
            ${input('city', t('portal.details.city'), address?.city, { autocomplete: 'address-level2' })}
          </div>
          <div class="field-row">
            ${input('state', t('portal.details.state'), address?.state, { autocomplete: 'address-level1' })}
            ${input('country', t('portal.details.country'), address?.country, { autocomplete: 'country' })}
          </div>
        </fieldset>`
      : nothing}
    ${allowed.has('tax_id')
      ? html`<div class="field">
          <span id="tax-id-label">${t('portal.details.taxId')}</span>
          <div class="field-row tax-id">
            <select name="tax_id_type" aria-label=${t('portal.details.taxIdType')}>
              ${[...new Set([...(taxId ? [taxId.type] : []), ...taxIdTypes])].map((type) => html`<option value=${type} ?selected=${type === (taxId?.type ?? 'eu_vat')}>${typeLabel(type)}</option>`)}
            </select>
            <input name="tax_id" aria-labelledby="tax-id-label" .value=${taxId?.value ?? ''} aria-invalid=${taxError ? 'true' : 'false'} aria-describedby="tax-id-error" />
          </div>
          <span id="tax-id-error" class="field-error" role=${taxError ? 'alert' : nothing}>${taxError ? t('portal.details.taxIdInvalid') : ''}</span>
        </div>`
      : nothing}
    ${otherError ? html`<p class="field-error" role="alert">${otherError.kind === 'network' ? t('common.error.network') : t('portal.error.action')}</p>` : nothing}
    <div class="actions"><button type="submit" class="button primary" ?disabled=${ui.busy}>${ui.busy ? t('flow.processing') : t('flow.save')}</button></div>
  </form>`;
}
