import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { AbonaApiError } from '../api/api-error.js';
import type { ApiTarget } from '../api/request.js';
import { createCheckoutStore, type Decline } from '../checkout/checkout-store.js';
import { countryOfLocale } from '../checkout/countries.js';
import { emailValid } from '../checkout/email.js';
import { sandboxProvider, walletNames, walletSheet } from '../checkout/sandbox.js';
import type { ResolvedSettings } from '../config/resolve.js';
import { AbonaBeforeCheckoutEvent } from '../events/before-checkout.js';
import { AbonaCheckoutCompletedEvent } from '../events/checkout-completed.js';
import { AbonaCheckoutFailedEvent } from '../events/checkout-failed.js';
import { formattingLocale } from '../i18n/locale.js';
import { formatMoney } from '../i18n/money.js';
import { createTranslator } from '../i18n/translate.js';
import { walletMessages } from './messages.js';

/** What the view needs from its `<abona-wallet-button>`. */
export interface WalletHost extends HTMLElement {
  price: string;
  country?: string | undefined;
  email?: string | undefined;
  successUrl?: string | undefined;
  addController(controller: ReactiveController): void;
  requestUpdate(): void;
  readonly updateComplete: Promise<boolean>;
  /** The element's resolved settings (key, API base, locale, theme). */
  resolved(): ResolvedSettings;
  /** Reports a failed request once (event and console), as every Abona element does. */
  report(error: AbonaApiError | undefined): void;
  themeClassOf(settings: ResolvedSettings): string;
}

/**
 * The wallet button's behaviour and look in test mode: the sandbox's simulated wallet, its
 * sheet, and the one-step purchase (create a session for the price with the buyer's country,
 * then confirm it with the wallet's token and email). Its own chunk: live pages, where no wallet
 * is wired yet, never download it.
 */
export class WalletButtonView implements ReactiveController {
  private readonly host: WalletHost;
  private readonly store = createCheckoutStore();
  private unsubscribe: (() => void) | undefined;
  private announcedComplete = '';
  private announcedDecline: Decline | undefined;
  private sheetOpen = false;
  private emailValue = '';
  private canceled = false;

  constructor(host: WalletHost) {
    this.host = host;
    this.emailValue = host.email ?? '';
    host.addController(this);
    if (host.isConnected) this.hostConnected();
  }

  hostConnected(): void {
    this.unsubscribe ??= this.store.$checkout.listen(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    // A removed button leaves no request behind (the next click starts a new session).
    this.store.stop();
  }

  hostUpdated(): void {
    const { status, session, decline, error } = this.store.$checkout.get();
    if (status === 'error') this.host.report(error);
    if (decline && decline !== this.announcedDecline) {
      this.announcedDecline = decline;
      this.host.dispatchEvent(new AbonaCheckoutFailedEvent({ ...(session ? { checkoutSessionId: session.id } : {}), code: decline.code, ...(decline.declineCode ? { declineCode: decline.declineCode } : {}), message: decline.message }));
    }
    if (status === 'complete' && session && this.announcedComplete !== session.id) {
      this.announcedComplete = session.id;
      this.set(() => (this.sheetOpen = false));
      this.host.dispatchEvent(
        new AbonaCheckoutCompletedEvent({
          checkoutSessionId: session.id,
          customerId: session.customer ?? '',
          ...(session.subscription ? { subscriptionId: session.subscription } : {}),
          status: 'complete',
          amountPaidMinor: session.quote.amount_due,
          currency: session.currency,
        }),
      );
      if (this.host.successUrl) window.location.assign(this.host.successUrl);
    }
  }

  private set(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  /** Step one: a session for the price in the buyer's country, so the sheet shows the real total. */
  private async onClick(): Promise<void> {
    this.set(() => (this.canceled = false));
    const settings = this.host.resolved();
    const target: ApiTarget = { apiBase: settings.apiBase, publishableKey: settings.publishableKey, keyKind: settings.keyKind, keySource: settings.keySource };
    const [price = '', quantity] = this.host.price.split(':');
    const country = (this.host.country ?? countryOfLocale(settings.locale) ?? 'US').toUpperCase();
    await this.store.start(target, { line_items: [{ price, quantity: Number(quantity) || 1 }], customer_details: { address: { country } }, locale: formattingLocale(settings.locale) });
    if (this.store.$checkout.get().status === 'ready') this.set(() => (this.sheetOpen = true));
  }

  /** Step two: the sheet was approved; pay with its email and token. */
  private onPay(): void {
    const session = this.store.$checkout.get().session;
    const wallet = sandboxProvider.wallet();
    if (!session || !wallet || !emailValid(this.emailValue)) return;
    const item = session.line_items[0];
    const go = this.host.dispatchEvent(new AbonaBeforeCheckoutEvent({ priceId: item?.price ?? '', quantity: item?.quantity ?? 1, currency: session.currency, email: this.emailValue.trim() }));
    if (!go) return;
    void this.store.confirm(async () => sandboxProvider.walletPaymentMethod(wallet), { email: this.emailValue.trim() });
  }

  /** The button, the result line and the simulated sheet. */
  render(): TemplateResult | typeof nothing {
    const settings = this.host.resolved();
    const wallet = sandboxProvider.wallet();
    const locale = formattingLocale(settings.locale);
    if (!wallet) return nothing;
    // A button is small enough to appear once its words are here, rather than flash in English.
    if (!walletMessages.ready(locale)) {
      void walletMessages.load(locale).then(() => this.host.requestUpdate());
      return nothing;
    }
    const t = createTranslator(walletMessages.catalogs, locale);
    const { status, session, decline, error } = this.store.$checkout.get();
    const busy = status === 'loading' || status === 'processing';
    const label = t('wallet.payWith', { wallet: t('wallet.test', { wallet: walletNames[wallet] }) });
    const message =
      status === 'complete' ? t('wallet.success') : decline ? t('wallet.failed') : status === 'error' && error ? t(error.kind === 'configuration' ? 'common.error.configuration' : 'common.error.server') : this.canceled ? t('wallet.canceled') : '';
    return html`<div class=${this.host.themeClassOf(settings)}>
      <button type="button" class="wallet" part="button" ?disabled=${busy || status === 'complete'} aria-busy=${busy ? 'true' : 'false'} @click=${() => void this.onClick()}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><rect x="2.5" y="5.5" width="19" height="13" rx="2.5" /><path d="M2.5 10h19" /></svg>
        <span>${label}</span>
      </button>
      <p class="message ${decline || status === 'error' ? 'problem' : ''}" part="message" role="status">${message}</p>
      ${walletSheet({
        open: this.sheetOpen,
        wallet,
        payLabel: label,
        note: t('wallet.sheet.note'),
        totalLabel: t('wallet.total'),
        total: session ? formatMoney(session.quote.amount_due, session.currency, locale) : '',
        cancelLabel: t('flow.cancel'),
        closeLabel: t('common.close'),
        email: { label: t('wallet.email'), value: this.emailValue, onInput: (value: string) => this.set(() => (this.emailValue = value)) },
        busy,
        onPay: () => this.onPay(),
        onCancel: () => this.set(() => {
          this.sheetOpen = false;
          this.canceled = status !== 'complete';
        }),
      })}
    </div>`;
  }
}
