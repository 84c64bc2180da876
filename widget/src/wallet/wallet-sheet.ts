import { html, nothing, type TemplateResult } from 'lit';
import type { Wallet } from '../checkout/payment-provider.js';

/** Brand names are not translated. */
export const walletNames: Record<Wallet, string> = { apple_pay: 'Apple Pay', google_pay: 'Google Pay' };

/** What the simulated wallet sheet shows and does. */
export interface WalletSheetOptions {
  open: boolean;
  wallet: Wallet;
  /** "Pay with Google Pay (test)". */
  payLabel: string;
  note: string;
  totalLabel: string;
  total: string;
  cancelLabel: string;
  closeLabel: string;
  /** The email field, when the sheet supplies the buyer's email (the one-step wallet button). */
  email?: { label: string; value: string; onInput: (value: string) => void };
  busy: boolean;
  onPay: () => void;
  onCancel: () => void;
}

/**
 * The sandbox's stand-in for the Apple Pay / Google Pay sheet (test mode only): the total, the
 * wallet's email, and Pay or Cancel. The real sheet replaces it when a live gateway is set up.
 */
export function walletSheet(o: WalletSheetOptions): TemplateResult {
  const onClose = (event: Event) => {
    if (event.target === event.currentTarget && o.open) o.onCancel();
  };
  return html`<abona-dialog class="wallet-sheet" label=${walletNames[o.wallet]} close-label=${o.closeLabel} ?open=${o.open} @close=${onClose}>
    <form
      class="sheet"
      @submit=${(event: Event) => {
        event.preventDefault();
        o.onPay();
      }}
    >
      <p class="sheet-note">${o.note}</p>
      <p class="sheet-total"><span>${o.totalLabel}</span><strong>${o.total}</strong></p>
      ${o.email
        ? html`<label class="sheet-field"
            ><span>${o.email.label}</span
            ><input type="email" name="email" autocomplete="email" required .value=${o.email.value} @input=${(e: Event) => o.email?.onInput((e.target as HTMLInputElement).value)}
          /></label>`
        : nothing}
      <button type="submit" class="button wallet-pay" ?disabled=${o.busy}>${o.payLabel}</button>
      <button type="button" class="button secondary" @click=${o.onCancel}>${o.cancelLabel}</button>
    </form>
  </abona-dialog>`;
}
