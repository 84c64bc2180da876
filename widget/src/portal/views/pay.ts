import { html, nothing, type TemplateResult } from 'lit';
import type { AbonaApiError } from '../../api/api-error.js';
import { formatMoney } from '../../i18n/money.js';
import { paymentMethodLabel } from '../format.js';
import type { PortalMessageKey } from '../messages.js';
import type { InvoicePayment, PayableInvoice, PaymentStep } from '../pay-types.js';
import type { PortalPaymentMethod } from '../portal-types.js';
import type { ViewContext } from './context.js';

/*
 * The "Pay now" dialog and the PDF download: a chunk of its own, loaded on the first click
 * (`pay-open.ts`), so the portal's first screen doesn't carry it.
 */

/** Decline codes with their own plain-words message (the same words as the checkout's). */
const declines = new Set(['card_declined', 'insufficient_funds', 'expired_card', 'incorrect_cvc', 'processing_error', 'authentication_failed']);

/** "Visa •••• 4242" for cards; the payment-methods tab's label for anything else. */
export function shortMethodLabel(ctx: ViewContext, pm: PortalPaymentMethod): string {
  const brand = pm.card?.brand;
  if (pm.type !== 'card' || !brand || !pm.card?.last4) return paymentMethodLabel(pm, ctx.t);
  return ctx.t('portal.pm.cardShort', { brand: brand.charAt(0).toUpperCase() + brand.slice(1), last4: pm.card.last4 });
}

/** Why a payment failed, in the customer's words. */
export function declineMessage(ctx: ViewContext, error: AbonaApiError): string {
  if (error.status !== 402) return error.status === 400 && error.message ? error.message : ctx.t('portal.error.action');
  const code = error.declineCode ?? error.code;
  return ctx.t((declines.has(code) ? `portal.pay.decline.${code}` : 'portal.pay.decline.generic') as PortalMessageKey);
}

function invoiceOf(ctx: ViewContext, id: string): PayableInvoice | undefined {
  return (ctx.store.invoices.$state.get().data as PayableInvoice[] | undefined)?.find((invoice) => invoice.id === id);
}

/** A payment that went through (or is settling): close, announce, and show the server's state. */
function finished(ctx: ViewContext, result: InvoicePayment): void {
  const { store, t } = ctx;
  const list = store.invoices.$state.get().data;
  if (list) store.invoices.set(list.map((invoice) => (invoice.id === result.invoice.id ? result.invoice : invoice)));
  store.patch({ payment: undefined, notice: result.status === 'paid' ? t('portal.pay.done', { number: result.invoice.number ?? '' }) : t('portal.pay.processing') });
  // The subscription may be active again (the past-due banner goes) and the invoice list changed.
  void store.overview.load(true);
  void store.invoices.load(true);
}

function failed(ctx: ViewContext, step: PaymentStep): void {
  const error = ctx.store.$ui.get().actionError;
  ctx.store.patch({ payment: { ...step, stage: 'confirm', ...(error ? { error } : {}) }, notice: error ? declineMessage(ctx, error) : '' });
}

async function pay(ctx: ViewContext, step: PaymentStep): Promise<void> {
  const result = await ctx.store.payInvoice(step.invoice, step.method);
  if (!result) return failed(ctx, step);
  if (result.status === 'requires_action' && result.next_action) {
    ctx.store.patch({ payment: { invoice: step.invoice, method: step.method, stage: 'three-ds', actionId: result.next_action.action_id } });
    return;
  }
  finished(ctx, result);
}

async function finishThreeDs(ctx: ViewContext, step: PaymentStep, outcome: 'complete' | 'fail'): Promise<void> {
  if (!step.actionId) return;
  const result = await ctx.store.completePayment(step.invoice, step.actionId, outcome);
  if (!result) return failed(ctx, step);
  finished(ctx, result);
}

/** The "Pay now" dialog: the amount, the card (a choice when there are several), then 3-D Secure when the bank asks. */
export function renderPayment(ctx: ViewContext, step: PaymentStep): TemplateResult {
  const { t, locale, store, ui, overview } = ctx;
  const invoice = invoiceOf(ctx, step.invoice);
  const close = () => store.patch({ payment: undefined, actionError: undefined });
  if (!invoice) return html``;
  if (step.stage === 'three-ds') {
    // The portal's challenge view, as in a plan change.
    return html`<abona-dialog class="three-ds" open label=${t('portal.threeDs.title')} close-label=${t('common.close')} @close=${close}>
      <p>${t('portal.threeDs.body')}</p>
      <p class="test-badge">${t('flow.testMode')}</p>
      <div class="actions">
        <button type="button" class="button primary" ?disabled=${ui.busy} @click=${() => void finishThreeDs(ctx, step, 'complete')}>${t('portal.threeDs.complete')}</button>
        <button type="button" class="button secondary" ?disabled=${ui.busy} @click=${() => void finishThreeDs(ctx, step, 'fail')}>${t('portal.threeDs.fail')}</button>
      </div>
    </abona-dialog>`;
  }
  const amount = formatMoney(invoice.amount_remaining, invoice.currency.toUpperCase(), locale);
  const methods = overview.paymentMethods;
  const chosen = methods.find((pm) => pm.id === step.method);
  const choose = (event: Event) => store.patch({ payment: { ...step, method: (event.target as HTMLInputElement).value }, actionError: undefined });
  return html`<abona-dialog class="pay" open label=${t('portal.pay.title', { number: invoice.number ?? '' })} close-label=${t('common.close')} @close=${close}>
    ${methods.length === 0
      ? html`<p class="lead">${t('portal.pay.noMethod')}</p>
          <div class="actions">
            <button type="button" class="button primary" @click=${() => { close(); store.openTab('payment-methods'); }}>${t('portal.pm.add')}</button>
          </div>`
      : html`${methods.length > 1
            ? html`<fieldset class="methods">
                <legend>${t('portal.pay.choose')}</legend>
                ${methods.map((pm) => html`<label class="choice"><input type="radio" name="pay-method" .value=${pm.id} .checked=${pm.id === step.method} @change=${choose} /> ${shortMethodLabel(ctx, pm)}</label>`)}
              </fieldset>`
            : nothing}
          ${step.error ? html`<p class="field-error" role="alert">${declineMessage(ctx, step.error)}</p>` : nothing}
          <div class="actions">
            <button type="button" class="button primary" ?disabled=${ui.busy || !chosen} @click=${() => void pay(ctx, { ...step, error: undefined })}>
              ${ui.busy ? t('flow.processing') : t('portal.pay.confirm', { amount, method: chosen ? shortMethodLabel(ctx, chosen) : '' })}
            </button>
            <button type="button" class="button secondary" @click=${close}>${t('flow.cancel')}</button>
          </div>`}
  </abona-dialog>`;
}

/**
 * Downloads the invoice's PDF: fetched with the portal token in a header, handed to the browser
 * as a Blob URL on a temporary `<a download>`, then revoked. The token is never in a URL.
 */
export async function downloadPdf(ctx: ViewContext, invoice: PayableInvoice): Promise<void> {
  const { store, t, host } = ctx;
  try {
    const blob = await store.invoicePdf(invoice.id);
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${invoice.number ?? invoice.id}.pdf`;
    link.hidden = true;
    host.renderRoot.appendChild(link);
    link.click();
    link.remove();
    // After the click has handed the file over; revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  } catch {
    store.patch({ notice: t('portal.invoices.downloadFailed') });
  }
}
