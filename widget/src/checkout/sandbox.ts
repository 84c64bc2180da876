/*
 * Everything only test mode needs, in its own chunk: live pages never download it. The sandbox
 * gateway (cards tokenized by the server, simulated wallets), the test card chips, the 3-D
 * Secure page with "Complete" / "Fail" as Stripe's test page has, and the simulated wallet sheet.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { apiPost } from '../api/request.js';
import type { Translate } from '../i18n/translate.js';
import { walletNames, walletSheet } from '../wallet/wallet-sheet.js';
import { formatCardNumber, testCards } from './card-input.js';
import type { CheckoutMessageKey } from './messages.js';
import type { PaymentProvider, Wallet } from './payment-provider.js';

export { formatCardNumber, formatExpiry, readCard } from './card-input.js';
export { walletNames, walletSheet };

/**
 * The sandbox gateway: cards are tokenized by `POST /v1/payment_methods/tokenize` (test mode
 * only, so a typo shows up before the payment), and a wallet is always "available": Apple Pay
 * where Safari offers it, Google Pay elsewhere, with the sheet drawn by the element.
 */
export const sandboxProvider: PaymentProvider = {
  ownsCardForm: true,
  wallet: () => ('ApplePaySession' in globalThis ? 'apple_pay' : 'google_pay'),
  async cardPaymentMethod(target, card) {
    const token = await apiPost<{ id: string }>(target, '/v1/payment_methods/tokenize', { card });
    return token.id;
  },
  walletPaymentMethod: (wallet) => `tok_${wallet}`,
};

/** The test cards, one click each to fill the form. `label` translates their message keys. */
export function testCardChips(title: string, use: string, label: (key: (typeof testCards)[number]['label']) => string, onUse: (number: string) => void): TemplateResult {
  return html`<div class="test-cards" role="group" aria-label=${title}>
    <span class="test-cards-title">${title}</span>
    ${testCards.map(
      (card) =>
        html`<button type="button" class="chip" aria-label="${use}: ${formatCardNumber(card.number)}, ${label(card.label)}" @click=${() => onUse(card.number)}>
          <span class="mono">•••• ${card.number.slice(-4)}</span> ${label(card.label)}
        </button>`,
    )}
  </div>`;
}

/** What the sandbox's 3-D Secure page says and does. */
export interface ThreeDsOptions {
  open: boolean;
  title: string;
  body: string;
  note: string;
  completeLabel: string;
  failLabel: string;
  closeLabel: string;
  onAnswer: (outcome: 'complete' | 'fail') => void;
}

/** The bank's challenge, simulated: Escape or the close button count as a failed challenge. */
export function threeDsDialog(o: ThreeDsOptions): TemplateResult {
  const onClose = (event: Event) => {
    if (event.target === event.currentTarget && o.open) o.onAnswer('fail');
  };
  return html`<abona-dialog class="three-ds" label=${o.title} close-label=${o.closeLabel} ?open=${o.open} @close=${onClose}>
    <p>${o.body}</p>
    ${o.note ? html`<p class="note">${o.note}</p>` : nothing}
    <div class="actions">
      <button type="button" class="button primary" @click=${() => o.onAnswer('complete')}>${o.completeLabel}</button>
      <button type="button" class="button secondary" @click=${() => o.onAnswer('fail')}>${o.failLabel}</button>
    </div>
  </abona-dialog>`;
}

/** "Pay with Google Pay (test)". */
export function walletLabel(t: Translate<CheckoutMessageKey>, wallet: Wallet): string {
  return t('wallet.payWith', { wallet: t('wallet.test', { wallet: walletNames[wallet] }) });
}

type CardField = 'card_number' | 'card_expiry' | 'card_cvc';

/** The checkout's card form in test mode: number, expiry, CVC (with autofill tokens) and the test cards. */
export function cardFields(
  t: Translate<CheckoutMessageKey>,
  field: (name: CardField, label: string, options: { autocomplete: string; inputmode: string; placeholder?: string }) => TemplateResult,
  fill: (number: string) => void,
): TemplateResult {
  return html`${field('card_number', t('checkout.card.number'), { autocomplete: 'cc-number', inputmode: 'numeric', placeholder: '1234 1234 1234 1234' })}
    <div class="row">
      ${field('card_expiry', t('checkout.card.expiry'), { autocomplete: 'cc-exp', inputmode: 'numeric' })}
      ${field('card_cvc', t('checkout.card.cvc'), { autocomplete: 'cc-csc', inputmode: 'numeric', placeholder: '123' })}
    </div>
    ${testCardChips(t('checkout.testCards.title'), t('checkout.testCards.use'), (key) => t(key), fill)}`;
}

/** What the checkout's test-mode dialogs need from it. */
export interface CheckoutDialogs {
  threeDsOpen: boolean;
  answer: (outcome: 'complete' | 'fail') => void;
  wallet: Wallet | undefined;
  walletOpen: boolean;
  amount: string;
  busy: boolean;
  payWallet: () => void;
  cancelWallet: () => void;
}

/** The checkout's 3-D Secure page and wallet sheet in test mode. */
export function checkoutDialogs(t: Translate<CheckoutMessageKey>, o: CheckoutDialogs): TemplateResult {
  return html`${threeDsDialog({
    open: o.threeDsOpen,
    title: t('checkout.3ds.title'),
    body: t('checkout.3ds.body'),
    note: t('checkout.3ds.test'),
    completeLabel: t('checkout.3ds.complete'),
    failLabel: t('checkout.3ds.fail'),
    closeLabel: t('common.close'),
    onAnswer: o.answer,
  })}
  ${o.wallet
    ? walletSheet({
        open: o.walletOpen,
        wallet: o.wallet,
        payLabel: walletLabel(t, o.wallet),
        note: t('wallet.sheet.note'),
        totalLabel: t('wallet.total'),
        total: o.amount,
        cancelLabel: t('flow.cancel'),
        closeLabel: t('common.close'),
        busy: o.busy,
        onPay: o.payWallet,
        onCancel: o.cancelWallet,
      })
    : nothing}`;
}
