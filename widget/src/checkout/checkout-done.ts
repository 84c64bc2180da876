import type { html as litHtml, nothing as litNothing, TemplateResult } from 'lit';
import type { Translate } from '../i18n/translate.js';
import type { CheckoutState } from './checkout-store.js';
import type { CheckoutMessageKey } from './messages.js';

/*
 * The end of a checkout: "You're subscribed to Pro" (or "Payment received" for a one-time
 * purchase) with the receipt's address, or the bank details of a transfer still to make. Its own
 * chunk, fetched as soon as a payment starts. It
 * imports nothing at run time: Lit's `html` comes in with the call and amounts and dates come
 * formatted, because a lazy chunk that imported Lit alone would split Lit from the API client
 * into two chunks that every page then loads (more bytes than this module saves).
 */

/** Lit's template tag and `nothing`, as the element passes them in. */
export interface Lit {
  html: typeof litHtml;
  nothing: typeof litNothing;
}

/**
 * The success or pending-transfer panel for a finished checkout. The heading takes focus
 * (`tabindex="-1"`) so screen readers announce the outcome.
 */
export function renderDone(
  { html, nothing }: Lit,
  state: CheckoutState,
  options: { amount: string; trialEnd: string; email: string; continueUrl: string | null | undefined },
  t: Translate<CheckoutMessageKey>,
): TemplateResult {
  const { session, prices, status } = state;
  const { continueUrl } = options;
  if (!session) return html``;
  const plan = prices[session.line_items[0]?.price ?? '']?.product ?? '';
  const email = session.customer_email ?? options.email;
  if (status === 'pending') {
    const bank = session.bank_transfer_instructions ?? {};
    const rows: [CheckoutMessageKey, string | null | undefined][] = [
      ['checkout.bank.holder', bank['account_holder_name']],
      ['checkout.bank.iban', bank['iban']],
      ['checkout.bank.bic', bank['bic']],
      ['checkout.bank.reference', bank['reference']],
    ];
    return html`<div class="done" part="success">
      <h2 tabindex="-1">${t('checkout.bank.title', { amount: options.amount })}</h2>
      <p>${t(session.mode === 'payment' ? 'checkout.bank.bodyOnce' : 'checkout.bank.body', { email })}</p>
      <dl class="bank">${rows.filter(([, value]) => value).map(([label, value]) => html`<div><dt>${t(label)}</dt><dd>${value}</dd></div>`)}</dl>
    </div>`;
  }
  return html`<div class="done" part="success">
    <svg class="check" viewBox="0 0 48 48" aria-hidden="true" focusable="false"><circle cx="24" cy="24" r="22" /><path d="M14 24.5l7 7 13-14" /></svg>
    <h2 tabindex="-1">${session.mode === 'payment' ? t('checkout.success.paid') : t('checkout.success.title', { plan })}</h2>
    <p>${t('checkout.success.receipt', { email })}</p>
    ${options.trialEnd ? html`<p>${t('checkout.success.trialNote', { date: options.trialEnd })}</p>` : nothing}
    ${continueUrl ? html`<a class="button primary" href=${continueUrl}>${t('checkout.success.continue')}</a>` : nothing}
  </div>`;
}
