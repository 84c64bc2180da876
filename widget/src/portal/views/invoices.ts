import { html, nothing, type TemplateResult } from 'lit';
import { formatMoney } from '../../i18n/money.js';
import { errorState } from '../../shared/error-state.js';
import { skeletonBlock } from '../../shared/skeleton.js';
import { statusPill, type PillTone } from '../../shared/status-pill.js';
import { longDate } from '../format.js';
import type { PortalMessageKey } from '../messages.js';
import type { PortalInvoice } from '../portal-types.js';
import type { ViewContext } from './context.js';
import { isPayable } from '../pay-types.js';
import { downloadPdf, openPayment } from './pay-open.js';

const tones: Record<PortalInvoice['status'], PillTone> = { paid: 'success', open: 'info', draft: 'neutral', void: 'neutral', uncollectible: 'danger' };

/** Invoices: date, number, amount, status; each opens its detail, downloads as a PDF, and an open one can be paid. */
export function renderInvoices(ctx: ViewContext): TemplateResult {
  const { t, locale, store } = ctx;
  const state = store.invoices.$state.get();
  const heading = html`<h2 class="heading" tabindex="-1" data-focus>${t('portal.nav.invoices')}</h2>`;
  if (state.status === 'error' && !state.data) {
    return html`${heading}${errorState({ title: t('common.error.title'), message: state.error?.kind === 'network' ? t('common.error.network') : t('common.error.server'), retryLabel: t('common.retry'), onRetry: () => void store.invoices.load(true) })}`;
  }
  if (!state.data) return html`${heading}<div role="status" class="loading"><span class="visually-hidden">${t('common.loading')}</span>${skeletonBlock('sk-line')}${skeletonBlock('sk-line')}</div>`;
  const invoices = state.data.filter((invoice) => invoice.status !== 'draft');
  if (invoices.length === 0) return html`${heading}<p class="empty">${t('portal.invoices.empty')}</p>`;
  const open = ctx.ui.openInvoice ? invoices.find((invoice) => invoice.id === ctx.ui.openInvoice) : undefined;
  return html`${heading}
    <table class="invoices">
      <caption class="visually-hidden">${t('portal.nav.invoices')}</caption>
      <thead>
        <tr>
          <th scope="col">${t('portal.invoices.date')}</th>
          <th scope="col">${t('portal.invoices.number')}</th>
          <th scope="col" class="num">${t('portal.invoices.amount')}</th>
          <th scope="col">${t('portal.invoices.status')}</th>
          <th scope="col"><span class="visually-hidden">${t('portal.invoices.view')}</span></th>
        </tr>
      </thead>
      <tbody>
        ${invoices.map(
          (invoice) => html`<tr>
            <td>${longDate(invoice.finalized_at ?? invoice.created, locale)}</td>
            <td>${invoice.number ?? '—'}</td>
            <td class="num">${formatMoney(invoice.total, invoice.currency.toUpperCase(), locale)}</td>
            <td>${statusPill(t(`portal.invoices.status.${invoice.status}` as PortalMessageKey), tones[invoice.status])}</td>
            <td class="row-actions">
              ${isPayable(invoice) && !ctx.ui.missing.has('pay')
                ? html`<button type="button" class="button primary" ?disabled=${ctx.ui.busy} @click=${() => openPayment(ctx, invoice)}>
                    ${t('portal.invoices.payNow')}<span class="visually-hidden"> ${invoice.number ?? ''}</span>
                  </button>`
                : nothing}
              <button type="button" class="button quiet" @click=${() => store.patch({ openInvoice: invoice.id })}>
                ${t('portal.invoices.view')}<span class="visually-hidden"> ${invoice.number ?? ''}</span>
              </button>
              <button type="button" class="button quiet" @click=${() => downloadPdf(ctx, invoice)}>
                ${t('portal.invoices.download')}<span class="visually-hidden"> ${invoice.number ?? ''}</span>
              </button>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>
    ${open ? renderInvoice(ctx, open) : nothing}`;
}

function renderInvoice(ctx: ViewContext, invoice: PortalInvoice): TemplateResult {
  const { t, locale, store } = ctx;
  const money = (minor: number) => formatMoney(minor, invoice.currency.toUpperCase(), locale);
  return html`<abona-dialog open label=${t('portal.invoices.detail', { number: invoice.number ?? '' })} close-label=${t('common.close')} @close=${() => store.patch({ openInvoice: undefined })}>
    <p class="muted">${longDate(invoice.finalized_at ?? invoice.created, locale)} · ${t(`portal.invoices.status.${invoice.status}` as PortalMessageKey)}</p>
    <table class="lines">
      <caption class="visually-hidden">${t('portal.invoices.detail', { number: invoice.number ?? '' })}</caption>
      <tbody>
        ${invoice.lines.data.map((line) => html`<tr><th scope="row">${line.description}</th><td>${money(line.amount)}</td></tr>`)}
        ${invoice.total_discount > 0 ? html`<tr><th scope="row">${t('portal.review.discount')}</th><td>−${money(invoice.total_discount)}</td></tr>` : nothing}
        ${invoice.tax_breakdown.map((tax) => html`<tr><th scope="row">${tax.label}</th><td>${money(tax.amount)}</td></tr>`)}
      </tbody>
      <tfoot>
        <tr class="total"><th scope="row">${t('portal.invoices.total')}</th><td>${money(invoice.total)}</td></tr>
        ${invoice.amount_remaining > 0 ? html`<tr><th scope="row">${t('portal.invoices.amountDue')}</th><td>${money(invoice.amount_remaining)}</td></tr>` : nothing}
      </tfoot>
    </table>
    <div class="actions">
      ${isPayable(invoice) && !ctx.ui.missing.has('pay')
        ? html`<button type="button" class="button primary" @click=${() => { store.patch({ openInvoice: undefined }); openPayment(ctx, invoice); }}>${t('portal.invoices.payNow')}</button>`
        : nothing}
      <button type="button" class="button secondary" @click=${() => downloadPdf(ctx, invoice)}>${t('portal.invoices.download')}</button>
      <button type="button" class="button quiet" @click=${() => window.print()}>${t('portal.invoices.print')}</button>
    </div>
  </abona-dialog>`;
}
