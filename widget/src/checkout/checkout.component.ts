import { adoptStyles, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ApiTarget } from '../api/request.js';
import { AbonaElement } from '../base/abona-element.js';
import { reportElementError } from '../base/report-error.js';
import { isTestKey } from '../config/key.js';
import type { ResolvedSettings } from '../config/resolve.js';
import { AbonaCheckoutCompletedEvent } from '../events/checkout-completed.js';
import { AbonaCheckoutFailedEvent } from '../events/checkout-failed.js';
import { AbonaLoadedEvent } from '../events/loaded.js';
import { catalogLocale, formattingLocale } from '../i18n/locale.js';
import { errorState } from '../shared/error-state.js';
import { skeletonBlock } from '../shared/skeleton.js';
import { StoreController } from '../state/store-controller.js';
import { checkoutCatalogLoaders } from './catalog-loaders.js';
import type { CheckoutContext, CheckoutValues, CheckoutView } from './checkout-host.js';
import type { CustomerDetailsParams } from './checkout-session.js';
import { checkoutShellStyles } from './checkout-shell.styles.js';
import { createCheckoutStore, type Decline, type SessionParams } from './checkout-store.js';
import { countryOfLocale, needsFullAddress, needsState } from './countries.js';
import { emailValid } from './email.js';
import type { TaxIdFormat } from './tax-ids.js';

/** How the customer pays. */
export type CheckoutMethod = 'card' | 'wallet' | 'bank_transfer';

const emptyValues: CheckoutValues = { email: '', name: '', country: '', line1: '', line2: '', city: '', state: '', postal_code: '', business_name: '', tax_id: '', card_number: '', card_expiry: '', card_cvc: '', promo: '' };

/**
 * @summary A checkout: email, billing details as tax requires, an optional business with its tax
 * id, payment by card, wallet or bank transfer, a promotion code, and a live order summary priced
 * by the server (each tax line with its label and rate). Handles declines, 3-D Secure and success.
 * The street address (`line1`, `line2`, `city`) is asked where tax needs it (US) and of a business,
 * whose invoice carries it. Form-associated: inside a page's own `<form>` it contributes `email`,
 * `name`, `country`, `line1`, `line2`, `city`, `postal_code`, `state`, `business_name`, `tax_id`
 * and `checkout_session`.
 *
 * The form, the summary and their copy are a chunk of their own (checkout-view.ts), fetched when
 * the element connects, at the same time as the session is created: the element shows a skeleton
 * meanwhile, and pages without a checkout never load them.
 *
 * @slot payment-element - Live mode: where the gateway's own card element mounts.
 *
 * @event abona-loaded - The session was created and its totals shown.
 * @event abona-before-checkout - The customer submitted; cancelable, `preventDefault()` stops the payment.
 * @event abona-checkout-completed - Paid, trial started or bank transfer pending. Fires once.
 * @event abona-checkout-failed - A payment was declined or 3-D Secure failed; the form stays usable.
 * @event abona-error - The session could not be created (configuration, network or server error).
 *
 * @csspart base - The wrapper of the whole checkout.
 * @csspart form - The form column.
 * @csspart summary - The order summary.
 * @csspart test-mode - The test-mode banner.
 * @csspart submit - The pay button.
 * @csspart decline - The decline message.
 * @csspart success - The success panel.
 * @csspart error - The error panel.
 *
 * @cssproperty --abona-color-primary - Accent: the pay button, focus, links.
 * @cssproperty --abona-color-surface - Background of the form and summary.
 * @cssproperty --abona-color-border - Borders of inputs and panels.
 * @cssproperty --abona-color-danger - Declines and invalid fields.
 * @cssproperty --abona-radius - Corner radius; inputs use 60% of it.
 * @cssproperty --abona-font-family - Font stack.
 * @cssproperty --abona-spacing - Base spacing unit.
 */
export class Checkout extends AbonaElement {
  static override styles = checkoutShellStyles;
  static formAssociated = true;

  private readonly store = createCheckoutStore();
  private readonly checkout = new StoreController(this, this.store.$checkout);
  private readonly internals: ElementInternals | undefined;
  private readonly context: CheckoutContext;
  private view: CheckoutView | undefined;
  private viewLoading = false;
  /** The language and key whose view parts were last asked for ahead of the view. */
  private prefetched = '';
  private startedKey = '';
  private target: ApiTarget | undefined;
  private announcedComplete = '';
  private announcedDecline: Decline | undefined;
  private loadedAnnounced = false;
  /** The tax id formats: their own chunk, fetched by the view the first time "buying for a business" is on. */
  private taxIds: typeof import('./tax-ids.js') | undefined;

  @state() private values: CheckoutValues = emptyValues;
  @state() private business = false;
  @state() private disabled = false;
  @state() private viewFailed = false;

  /** The price, or several as `price_a:2,price_b` (price id, optional quantity). */
  @property() price = '';
  /** Quantity of a single price without its own `:quantity`. Default 1. */
  @property({ type: Number }) quantity = 1;
  /** ISO 4217 currency; defaults to the price's. */
  @property() currency?: string;
  /** ISO 3166-1 alpha-2 country preselected for tax; defaults to the locale's. */
  @property() country?: string;
  /** The customer's email, prefilled. */
  @property() email?: string;
  /** Where "Continue" leads after success. */
  @property({ attribute: 'success-url' }) successUrl?: string;
  /** A promotion code applied from the start. */
  @property({ attribute: 'promotion-code' }) promotionCode?: string;
  /** `inline` (default) or `dialog`: shown in a modal dialog while `open`. */
  @property() presentation: 'inline' | 'dialog' = 'inline';
  /** With `presentation="dialog"`: whether the dialog is shown. */
  @property({ type: Boolean, reflect: true }) open = false;
  /** Title of the dialog (e.g. the plan's name). */
  @property() heading = '';

  constructor() {
    super();
    // Older engines without form-associated custom elements still get a working checkout.
    this.internals = typeof this.attachInternals === 'function' ? this.attachInternals() : undefined;
    this.context = {
      store: this.store,
      settings: () => this.settings,
      target: () => this.target,
      values: () => this.values,
      setValues: (next) => (this.values = next),
      business: () => this.business,
      setBusiness: (next) => (this.business = next),
      taxIds: () => this.taxIds,
      setTaxIds: (module) => {
        this.taxIds = module;
        this.requestUpdate();
      },
      lastSent: '',
      disabled: () => this.disabled,
      sessionParams: () => this.sessionParams(),
      fullAddress: () => this.fullAddress,
      taxShapeOk: (format) => this.taxShapeOk(format),
      retry: () => this.retry(),
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The view's chunk is fetched now, while the first update creates the session: both
    // requests are on the wire together, so the form waits for the slower one, not the sum.
    void this.loadView();
    // Back in the page after its session load was cut short: start again.
    if (this.startedKey === '' && this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A removed checkout leaves no request behind; a load cut short starts again on reconnect.
    if (this.store.stop()) this.startedKey = '';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const settings = this.settings;
    this.view?.willUpdate(changed);
    if (changed.has('email') && this.email && !this.values.email) this.values = { ...this.values, email: this.email };
    if (!this.values.country) this.values = { ...this.values, country: (this.country ?? countryOfLocale(settings.locale) ?? 'US').toUpperCase() };
    // After the first render a new `country` (a page's country switcher) replaces the chosen one;
    // the view, once here, also re-prices (it sends what differs from the last priced details).
    if (changed.has('country') && this.country && this.hasUpdated && !this.view) this.values = { ...this.values, country: this.country.toUpperCase() };
    if (!this.view) this.prefetchViewParts(settings);
    if (this.presentation === 'dialog' && !this.open) return;
    const target: ApiTarget = { apiBase: settings.apiBase, publishableKey: settings.publishableKey, keyKind: settings.keyKind, keySource: settings.keySource };
    const key = JSON.stringify([target, this.lineItems(), this.currency]);
    // Not while removed: a late chunk or catalog re-renders a removed element, which must not fetch.
    if (key !== this.startedKey && this.isConnected) {
      this.startedKey = key;
      this.loadedAnnounced = false;
      const params: SessionParams = { line_items: this.lineItems(), ...this.sessionParams(), locale: formattingLocale(settings.locale) };
      if (this.currency) params.currency = this.currency;
      if (this.promotionCode) params.promotion_code = this.promotionCode;
      if (this.successUrl && /^https?:/.test(this.successUrl)) params.success_url = this.successUrl;
      this.context.lastSent = JSON.stringify(this.sessionParams());
      this.target = target;
      this.view?.sessionStarted();
      void this.store.start(target, params);
    }
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const { status, session, decline, error } = this.checkout.value;
    if (status === 'error') reportElementError(this, error);
    if (status === 'ready' && session && !this.loadedAnnounced && this.view?.copyReady()) {
      this.loadedAnnounced = true;
      this.dispatchEvent(new AbonaLoadedEvent({ element: this.localName }));
    }
    if (decline && decline !== this.announcedDecline) {
      this.announcedDecline = decline;
      this.dispatchEvent(new AbonaCheckoutFailedEvent({ ...(session ? { checkoutSessionId: session.id } : {}), code: decline.code, ...(decline.declineCode ? { declineCode: decline.declineCode } : {}), message: decline.message }));
    }
    if ((status === 'complete' || status === 'pending') && session && this.announcedComplete !== session.id) {
      // Once per session, however often the element re-renders or is moved in the page.
      this.announcedComplete = session.id;
      this.dispatchEvent(
        new AbonaCheckoutCompletedEvent({
          checkoutSessionId: session.id,
          customerId: session.customer ?? '',
          ...(session.subscription ? { subscriptionId: session.subscription } : {}),
          status: status === 'complete' ? 'complete' : 'pending',
          amountPaidMinor: status === 'complete' ? session.quote.amount_due : 0,
          currency: session.currency,
        }),
      );
      this.view?.completed();
    }
    this.view?.updated();
    this.syncForm();
  }

  private async loadView(): Promise<void> {
    if (this.view || this.viewLoading) return;
    this.viewLoading = true;
    this.viewFailed = false;
    try {
      const { mountCheckout, checkoutViewStyles } = await import('./checkout-view.js');
      // The view's styles join the element's once their chunk is here (constructable sheets: CSP-safe).
      adoptStyles(this.renderRoot as ShadowRoot, [...Checkout.elementStyles, ...checkoutViewStyles]);
      this.view = mountCheckout(this, this.context);
      this.requestUpdate();
    } catch {
      this.viewFailed = true;
    } finally {
      this.viewLoading = false;
    }
  }

  /**
   * Asks for what the view will need besides its own chunk, so that it comes with the view rather
   * than one round trip after it: the copy of a language other than English, and the test-mode
   * parts with a test key. The view's own imports of them then resolve from the module cache.
   */
  private prefetchViewParts(settings: ResolvedSettings): void {
    const language = catalogLocale(settings.locale);
    const testMode = isTestKey(settings.publishableKey);
    const key = `${language}:${testMode}`;
    if (key === this.prefetched) return;
    this.prefetched = key;
    // A failure here is the view's to report, when it asks again.
    if (language !== 'en') void checkoutCatalogLoaders[language]().catch(() => undefined);
    if (testMode) void import('./sandbox.js').catch(() => undefined);
  }

  /** Line items from `price` ("price_a:2,price_b") and `quantity`. */
  private lineItems(): { price: string; quantity: number }[] {
    const parts = this.price.split(',').map((p) => p.trim()).filter(Boolean);
    return parts.map((part) => {
      const [price = '', quantity] = part.split(':');
      return { price, quantity: quantity ? Math.max(1, Number(quantity) || 1) : parts.length === 1 ? Math.max(1, this.quantity || 1) : 1 };
    });
  }

  /** The customer's details as the form holds them, for the session. */
  private sessionParams(): SessionParams {
    const v = this.values;
    const address: NonNullable<CustomerDetailsParams['address']> = { country: v.country };
    if (v.postal_code.trim()) address.postal_code = v.postal_code.trim();
    if (needsState(v.country) && v.state.trim()) address.state = v.state.trim().toUpperCase();
    if (this.fullAddress) {
      for (const line of ['line1', 'line2', 'city'] as const) if (v[line].trim()) address[line] = v[line].trim();
    }
    const details: CustomerDetailsParams = { address, business: this.business, tax_id: null };
    if (v.name.trim()) details.name = v.name.trim();
    if (this.business) {
      if (v.business_name.trim()) details.business_name = v.business_name.trim();
      const format = this.taxIds?.taxIdFormat(v.country);
      // Only numbers of the right shape go to the server; it checks the digits and says 400 if wrong.
      if (format && this.taxShapeOk(format)) details.tax_id = { type: format.type, value: v.tax_id.trim() };
    }
    return { ...(emailValid(v.email) ? { email: v.email.trim() } : {}), customer_details: details };
  }

  private taxShapeOk(format: TaxIdFormat): boolean {
    return format.pattern.test(this.taxIds?.normalizeTaxId(this.values.tax_id) ?? '');
  }

  /** Whether the street address is asked: tax needs it, or the invoice goes to a business. */
  private get fullAddress(): boolean {
    return this.business || needsFullAddress(this.values.country);
  }

  private onDialogClose(event: Event): void {
    if (event.target === event.currentTarget) this.open = false;
  }

  /** Puts the details into the surrounding `<form>`, and holds it back while the email is missing. */
  private syncForm(): void {
    const internals = this.internals;
    if (!internals) return;
    const data = new FormData();
    const v = this.values;
    const address = this.fullAddress ? (['line1', 'line2', 'city'] as const) : [];
    for (const field of ['email', 'name', 'country', ...address, 'postal_code', 'state', 'business_name', 'tax_id'] as const) if (v[field]) data.append(field, v[field]);
    const session = this.checkout.value.session;
    if (session) data.append('checkout_session', session.id);
    internals.setFormValue(data);
    const email = this.renderRoot.querySelector<HTMLInputElement>('#email');
    if (emailValid(v.email) || !email || !this.view) internals.setValidity({});
    else internals.setValidity(v.email ? { typeMismatch: true } : { valueMissing: true }, this.view.emailInvalid(), email);
  }

  /** Resets the fields when the surrounding form is reset. */
  formResetCallback(): void {
    this.values = { ...this.values, email: this.email ?? '', name: '', line1: '', line2: '', city: '', postal_code: '', state: '', business_name: '', tax_id: '', card_number: '', card_expiry: '', card_cvc: '' };
    this.business = false;
    this.view?.queueUpdate();
  }

  /** Follows a disabled `<fieldset>` or form around the element. */
  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  /** Opens the checkout (with `presentation="dialog"`). */
  show(): void {
    this.open = true;
  }

  /** Creates a new session, e.g. after a network error. */
  retry(): void {
    this.startedKey = '';
    this.requestUpdate();
  }

  override render() {
    const theme = this.themeClass(this.settings.theme);
    const view = this.view;
    // Until the view arrives there is no translated copy: a skeleton, or an English error.
    const body = view
      ? view.render()
      : this.viewFailed
        ? errorState({ title: 'Something went wrong', message: "We couldn't load the checkout. Check your connection and try again.", retryLabel: 'Try again', onRetry: () => void this.loadView() })
        : html`<div role="status" class="loading"><span class="visually-hidden">Loading…</span>${[1, 2, 3, 4, 5].map(() => skeletonBlock('sk-field'))}</div>`;
    const title = view?.title() ?? 'Checkout';
    const content = html`<section class="${theme} checkout" part="base" aria-label=${title}>${body}</section>`;
    if (this.presentation !== 'dialog') return content;
    return html`<div class="${theme}">
      <abona-dialog class="checkout-dialog" label=${this.heading || title} close-label=${view?.closeLabel() ?? 'Close'} ?open=${this.open} @close=${this.onDialogClose}>${content}</abona-dialog>
    </div>`;
  }
}
