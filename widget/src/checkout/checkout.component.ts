import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AbonaElement } from '../base/abona-element.js';
import type { ApiTarget } from '../api/request.js';
import { isTestKey } from '../config/key.js';
import { AbonaBeforeCheckoutEvent } from '../events/before-checkout.js';
import { AbonaCheckoutCompletedEvent } from '../events/checkout-completed.js';
import { AbonaCheckoutFailedEvent } from '../events/checkout-failed.js';
import { AbonaLoadedEvent } from '../events/loaded.js';
import { formatDate } from '../i18n/dates.js';
import { formattingLocale } from '../i18n/locale.js';
import { formatMoney } from '../i18n/money.js';
import { createTranslator, type Translate } from '../i18n/translate.js';
import { errorState } from '../shared/error-state.js';
import type { SegmentedControl } from '../shared/segmented-control/segmented-control.component.js';
import { skeletonBlock } from '../shared/skeleton.js';
import { StoreController } from '../state/store-controller.js';
import type { CustomerDetailsParams } from './checkout-session.js';
import { createCheckoutStore, type Decline, type SessionParams } from './checkout-store.js';
import { checkoutStyles } from './checkout.styles.js';
import { renderSummary } from './checkout-summary.js';
import { countryOfLocale, countryOptions, needsFullAddress, needsState } from './countries.js';
import { checkoutMessages, type CheckoutMessageKey } from './messages.js';
import { emailValid } from './email.js';
import type { PaymentProvider } from './payment-provider.js';
import type { TaxIdFormat } from './tax-ids.js';

/** How the customer pays. */
export type CheckoutMethod = 'card' | 'wallet' | 'bank_transfer';

type Field = 'email' | 'name' | 'country' | 'line1' | 'line2' | 'city' | 'state' | 'postal_code' | 'business_name' | 'tax_id' | 'card_number' | 'card_expiry' | 'card_cvc' | 'promo';
type Values = Record<Field, string>;
type T = Translate<CheckoutMessageKey>;

/** Decline codes with their own plain-words message; others get the generic one. */
const declineCodes = ['card_declined', 'insufficient_funds', 'expired_card', 'incorrect_cvc', 'processing_error'];
/** Tax inputs wait this long for the typing to stop before the session is re-priced. */
const updateDebounceMs = 300;
/** The fields whose change can change tax, hence the totals. */
const taxFields: readonly Field[] = ['country', 'line1', 'line2', 'city', 'state', 'postal_code', 'tax_id', 'business_name', 'email', 'name'];

/**
 * @summary A checkout: email, billing details as tax requires, an optional business with its tax
 * id, payment by card, wallet or bank transfer, a promotion code, and a live order summary priced
 * by the server (each tax line with its label and rate). Handles declines, 3-D Secure and success.
 * The street address (`line1`, `line2`, `city`) is asked where tax needs it (US) and of a business,
 * whose invoice carries it. Form-associated: inside a page's own `<form>` it contributes `email`,
 * `name`, `country`, `line1`, `line2`, `city`, `postal_code`, `state`, `business_name`, `tax_id`
 * and `checkout_session`.
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
  static override styles = checkoutStyles;
  static formAssociated = true;

  private readonly store = createCheckoutStore();
  private readonly checkout = new StoreController(this, this.store.$checkout);
  private readonly internals: ElementInternals | undefined;
  private startedKey = '';
  private target: ApiTarget | undefined;
  private lastSent = '';
  private updateTimer: ReturnType<typeof setTimeout> | undefined;
  private announcedComplete = '';
  private announcedDecline: Decline | undefined;
  private loadedAnnounced = false;
  private focusOutcome = false;
  /** The tax id formats: their own chunk, fetched the first time "buying for a business" is on. */
  private taxIds: typeof import('./tax-ids.js') | undefined;
  /** The test-mode pieces (card form, test cards, 3-D Secure page, wallet sheet): loaded only with a test key. */
  private sandbox: typeof import('./sandbox.js') | undefined;
  /** The success and bank-transfer panels: their own chunk, fetched once a payment starts. */
  private done: typeof import('./checkout-done.js') | undefined;

  @state() private values: Values = { email: '', name: '', country: '', line1: '', line2: '', city: '', state: '', postal_code: '', business_name: '', tax_id: '', card_number: '', card_expiry: '', card_cvc: '', promo: '' };
  @state() private business = false;
  @state() private method: CheckoutMethod = 'card';
  /** Problems found before asking the server (empty email, a card number failing Luhn). */
  @state() private problems: Partial<Record<Field, string>> = {};
  @state() private touched: ReadonlySet<Field> = new Set();
  @state() private promoOpen = false;
  @state() private appliedCode = '';
  @state() private summaryOpen = false;
  @state() private walletOpen = false;
  @state() private disabled = false;

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
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page after its session load was cut short: start again.
    if (this.startedKey === '' && this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.updateTimer);
    // A removed checkout leaves no request behind; a load cut short starts again on reconnect.
    if (this.store.stop()) this.startedKey = '';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const settings = this.settings;
    if (!checkoutMessages.ready(settings.locale)) void checkoutMessages.load(settings.locale).then(() => this.requestUpdate());
    if (this.testMode && !this.sandbox) {
      void import('./sandbox.js').then((module) => {
        this.sandbox = module;
        this.requestUpdate();
      });
    }
    if (changed.has('email') && this.email && !this.values.email) this.values = { ...this.values, email: this.email };
    if (!this.values.country) this.values = { ...this.values, country: (this.country ?? countryOfLocale(settings.locale) ?? 'US').toUpperCase() };
    // After the first render a new `country` (a page's country switcher) replaces the chosen one.
    if (changed.has('country') && this.country && this.hasUpdated) this.setValue('country', this.country.toUpperCase());
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
      this.lastSent = JSON.stringify(this.sessionParams());
      this.appliedCode = this.promotionCode ?? '';
      this.target = target;
      void this.store.start(target, params);
    }
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const { status, session, decline, error } = this.checkout.value;
    if (!this.done && session && status !== 'ready') {
      void import('./checkout-done.js').then((module) => {
        this.done = module;
        this.requestUpdate();
      });
    }
    if (status === 'error') this.reportError(error);
    if (status === 'ready' && session && !this.loadedAnnounced && checkoutMessages.ready(this.settings.locale)) {
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
      this.walletOpen = false;
      this.focusOutcome = true;
    }
    const heading = this.focusOutcome && this.renderRoot.querySelector<HTMLElement>('.done h2');
    if (heading) {
      // The outcome takes focus once its panel is drawn, so screen readers announce it.
      this.focusOutcome = false;
      heading.focus();
    }
    this.syncForm();
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

  private get testMode(): boolean {
    return isTestKey(this.settings.publishableKey);
  }

  /** How payment details are collected: the sandbox in test mode; none in live mode until a gateway element is wired. */
  private get provider(): PaymentProvider | undefined {
    return this.testMode ? this.sandbox?.sandboxProvider : undefined;
  }

  private setValue(field: Field, value: string): void {
    this.values = { ...this.values, [field]: value };
    if (this.problems[field]) this.problems = { ...this.problems, [field]: undefined };
    if (field === 'tax_id') this.store.clearFieldError('tax_id');
    if (field === 'promo') this.store.clearFieldError('promotion_code');
    if (field.startsWith('card')) this.store.clearFieldError('card');
    if (taxFields.includes(field)) this.queueSessionUpdate();
  }

  private onInput(event: Event): void {
    const input = event.target as HTMLInputElement | HTMLSelectElement;
    const field = input.name as Field;
    let value = input.value;
    if (field === 'card_number') value = this.sandbox?.formatCardNumber(value) ?? value;
    if (field === 'card_expiry') value = this.sandbox?.formatExpiry(value) ?? value;
    if (field === 'card_cvc') value = value.replace(/\D/g, '').slice(0, 4);
    if (value !== input.value) input.value = value;
    this.setValue(field, value);
  }

  private onBlur(event: Event): void {
    this.touched = new Set([...this.touched, (event.target as HTMLInputElement).name as Field]);
  }

  private queueSessionUpdate(): void {
    clearTimeout(this.updateTimer);
    this.updateTimer = setTimeout(() => void this.pushUpdate(), updateDebounceMs);
  }

  /** Sends the details when they differ from what the server last priced. */
  private pushUpdate(): Promise<void> {
    clearTimeout(this.updateTimer);
    const params = this.sessionParams();
    const key = JSON.stringify(params);
    if (key === this.lastSent) return Promise.resolve();
    this.lastSent = key;
    return this.store.update(params).then(() => undefined);
  }

  private onBusinessChange(event: Event): void {
    this.business = (event.target as HTMLInputElement).checked;
    if (this.business && !this.taxIds) {
      void import('./tax-ids.js').then((module) => {
        this.taxIds = module;
        this.requestUpdate();
      });
    }
    this.queueSessionUpdate();
  }

  private onMethodChange(event: Event): void {
    this.method = (event.target as SegmentedControl).value as CheckoutMethod;
    this.store.clearFieldError('card');
  }

  private async applyPromo(code: string | null): Promise<void> {
    const rejected = (await this.store.update({ promotion_code: code })) === 'promotion_code';
    this.appliedCode = code && !rejected ? code : '';
    if (!rejected && this.values.promo.trim() === (code ?? '')) this.values = { ...this.values, promo: '' };
    if (!code) this.promoOpen = false;
  }

  private fillTestCard(number: string): void {
    this.values = { ...this.values, card_number: this.sandbox?.formatCardNumber(number) ?? number, card_expiry: '12 / 34', card_cvc: '123' };
    this.problems = {};
    this.store.clearFieldError('card');
  }

  /** Checks what can be checked here, marks and focuses the first problem; true when the form can be paid. */
  private validate(t: T): boolean {
    const problems: Partial<Record<Field, string>> = {};
    if (!emailValid(this.values.email)) problems.email = t('checkout.email.invalid');
    if (this.fullAddress && !this.values.line1.trim()) problems.line1 = t('checkout.address.line1.required');
    if (this.fullAddress && !this.values.city.trim()) problems.city = t('checkout.address.city.required');
    if (this.business && this.checkout.value.fieldErrors.tax_id) problems.tax_id = t('checkout.taxId.rejected');
    if (this.method === 'card' && this.sandbox && this.provider?.ownsCardForm) {
      const card = this.sandbox.readCard(this.values.card_number, this.values.card_expiry, this.values.card_cvc);
      if (card === 'number') problems.card_number = t('checkout.card.invalidNumber');
      if (card === 'expiry') problems.card_expiry = t('checkout.card.invalidExpiry');
      if (card === 'cvc') problems.card_cvc = t('checkout.card.invalidCvc');
    }
    this.problems = problems;
    const first = Object.keys(problems)[0];
    if (first) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus());
    return first === undefined;
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    const { status, session } = this.checkout.value;
    const t = this.translator();
    if (status !== 'ready' || !session || this.disabled || !this.validate(t)) return;
    const item = session.line_items[0];
    const go = this.dispatchEvent(new AbonaBeforeCheckoutEvent({ priceId: item?.price ?? '', quantity: item?.quantity ?? 1, currency: session.currency, email: this.values.email.trim() }));
    if (!go) return;
    if (this.method === 'wallet') {
      this.walletOpen = true;
      return;
    }
    this.pay();
  }

  /** Confirms with the chosen method: one confirmation per submit, whatever the clicking. */
  private pay(): void {
    const provider = this.provider;
    const target = this.target;
    const card = this.sandbox?.readCard(this.values.card_number, this.values.card_expiry, this.values.card_cvc) ?? 'number';
    const wallet = provider?.wallet();
    clearTimeout(this.updateTimer);
    const params = this.sessionParams();
    const changed = JSON.stringify(params) !== this.lastSent;
    this.lastSent = JSON.stringify(params);
    void this.store.confirm(async () => {
      if (this.method === 'bank_transfer') return { type: 'bank_transfer' };
      if (!provider || !target) throw new Error('No payment provider in live mode yet.');
      if (this.method === 'wallet' && wallet) return provider.walletPaymentMethod(wallet);
      if (typeof card === 'string') throw new Error(`Card ${card} is invalid.`);
      return provider.cardPaymentMethod(target, card);
    }, changed ? params : undefined);
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
    if (emailValid(v.email) || !email) internals.setValidity({});
    else internals.setValidity(v.email ? { typeMismatch: true } : { valueMissing: true }, this.translator()('checkout.email.invalid'), email);
  }

  /** Resets the fields when the surrounding form is reset. */
  formResetCallback(): void {
    this.values = { ...this.values, email: this.email ?? '', name: '', line1: '', line2: '', city: '', postal_code: '', state: '', business_name: '', tax_id: '', card_number: '', card_expiry: '', card_cvc: '' };
    this.business = false;
    this.queueSessionUpdate();
  }

  /** Follows a disabled `<fieldset>` or form around the element. */
  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  private translator(): T {
    const locale = formattingLocale(this.settings.locale);
    return createTranslator(checkoutMessages.catalogs, checkoutMessages.ready(locale) ? locale : 'en');
  }

  /** Opens the checkout (with `presentation="dialog"`). */
  show(): void {
    this.open = true;
  }

  override render() {
    const settings = this.settings;
    const locale = formattingLocale(settings.locale);
    const t = this.translator();
    const { status, session, error } = this.checkout.value;
    let body: TemplateResult;
    if (!checkoutMessages.ready(locale) || (this.testMode && !this.sandbox) || status === 'idle' || status === 'loading' || (!session && status !== 'error')) {
      body = html`<div role="status" class="loading"><span class="visually-hidden">${t('common.loading')}</span>${[1, 2, 3, 4, 5].map(() => skeletonBlock('sk-field'))}</div>`;
    } else if (!session) {
      const kind = error?.kind;
      body = errorState({
        title: t('common.error.title'),
        message: kind === 'configuration' ? t('common.error.configuration') : kind === 'network' ? t('common.error.network') : t('common.error.server'),
        ...(kind === 'configuration' || (error?.status ?? 0) === 400 ? {} : { retryLabel: t('common.retry'), onRetry: () => this.retry() }),
      });
    } else if (status === 'complete' || status === 'pending') {
      const options = {
        amount: formatMoney(session.quote.amount_due, session.currency, locale),
        trialEnd: session.trial_end ? formatDate(session.trial_end, locale) : '',
        email: this.values.email,
        continueUrl: this.successUrl ?? session.success_url,
      };
      body = this.done ? this.done.renderDone({ html, nothing }, this.checkout.value, options, t) : html`<div role="status" class="loading">${skeletonBlock('sk-field')}</div>`;
    } else {
      body = this.renderCheckout(locale, t);
    }
    const content = html`<section class="${this.themeClass(settings.theme)} checkout" part="base" aria-label=${t('checkout.title')}>
      ${this.testMode ? html`<p class="test-banner" part="test-mode"><span class="badge">${t('flow.testMode')}</span> ${t('checkout.testMode.body')}</p>` : nothing} ${body}
    </section>`;
    if (this.presentation !== 'dialog') return content;
    return html`<div class="${this.themeClass(settings.theme)}">
      <abona-dialog class="checkout-dialog" label=${this.heading || t('checkout.title')} close-label=${t('common.close')} ?open=${this.open} @close=${this.onDialogClose}>${content}</abona-dialog>
    </div>`;
  }

  /** Creates a new session, e.g. after a network error. */
  retry(): void {
    this.startedKey = '';
    this.requestUpdate();
  }

  private field(field: Field, label: string, options: { type?: string; autocomplete?: string; inputmode?: string; placeholder?: string; error?: string; required?: boolean } = {}): TemplateResult {
    const problem = this.problems[field] ?? options.error;
    const message = problem;
    return html`<div class="field ${field}">
      <label for=${field}>${label}</label>
      <input
        id=${field}
        name=${field}
        type=${options.type ?? 'text'}
        autocomplete=${options.autocomplete ?? 'off'}
        inputmode=${options.inputmode ?? (options.type === 'email' ? 'email' : 'text')}
        placeholder=${options.placeholder ?? ''}
        ?required=${options.required === true}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${message ? `${field}-message` : nothing}
        .value=${this.values[field]}
        @input=${this.onInput}
        @blur=${this.onBlur}
      />
      ${message ? html`<p id="${field}-message" class="message">${message}</p>` : nothing}
    </div>`;
  }

  private renderCheckout(locale: string, t: T): TemplateResult {
    const state = this.checkout.value;
    const session = state.session!;
    const v = this.values;
    const sandbox = this.sandbox;
    const wallet = this.provider?.wallet();
    const busy = state.status === 'processing' || state.status === 'requires_action';
    const taxFormat = this.taxIds?.taxIdFormat(v.country);
    const taxShapeWrong = v.tax_id.trim() !== '' && taxFormat !== undefined && !this.taxShapeOk(taxFormat);
    const countryName = countryOptions(locale, v.country).find((c) => c.code === v.country)?.name ?? v.country;
    const taxHint = state.fieldErrors.tax_id
      ? t('checkout.taxId.rejected')
      : taxShapeWrong && (this.touched.has('tax_id') || v.tax_id.replace(/\W/g, '').length >= taxFormat.example.replace(/\W/g, '').length)
        ? t('checkout.taxId.invalid', { country: countryName })
        : undefined;
    const amount = formatMoney(session.quote.amount_due, session.currency, locale);
    const trial = session.quote.amount_due === 0 && session.trial_end !== null;
    const walletLabel = wallet && sandbox ? sandbox.walletLabel(t, wallet) : '';
    const submitLabel =
      this.method === 'wallet' ? walletLabel : trial ? t('checkout.submit.trial') : session.mode === 'payment' ? t('checkout.submit.pay', { amount }) : t('checkout.submit.subscribe', { amount });
    const methods = [
      { value: 'card', label: t('checkout.payment.card') },
      ...(wallet ? [{ value: 'wallet', label: t('checkout.payment.wallet') }] : []),
      { value: 'bank_transfer', label: t('checkout.payment.bankTransfer') },
    ];
    const decline = state.decline;
    const declineText = decline
      ? decline.declineCode === 'authentication_failed'
        ? t('checkout.3ds.failed')
        : t(declineCodes.includes(decline.declineCode ?? '') ? (`checkout.decline.${decline.declineCode}` as CheckoutMessageKey) : 'checkout.decline.generic')
      : state.fieldErrors.card
        ? t('checkout.card.invalidNumber')
        : '';
    return html`<div class="layout">
      ${renderSummary(session, { prices: state.prices, locale, code: this.appliedCode, open: this.summaryOpen, updating: state.updating, onToggle: () => (this.summaryOpen = !this.summaryOpen) }, t)}
      <form class="form" part="form" novalidate @submit=${this.onSubmit}>
        <fieldset ?disabled=${this.disabled}>
          ${this.field('email', t('checkout.email'), { type: 'email', autocomplete: 'email', required: true })}
          ${this.field('name', t('checkout.name'), { autocomplete: 'name' })}
          ${this.renderAddress(locale, t)}
          <label class="switch">
            <input type="checkbox" .checked=${this.business} @change=${this.onBusinessChange} />
            <span>${t('checkout.business')}</span>
          </label>
          ${this.business
            ? html`<div class="business">
                ${this.field('business_name', t('checkout.company'), { autocomplete: 'organization' })}
                ${needsFullAddress(v.country) ? nothing : this.addressLines(t)}
                ${taxFormat
                  ? this.field('tax_id', t('checkout.taxId'), { placeholder: t('checkout.taxId.placeholder', { example: taxFormat.example }), ...(taxHint ? { error: taxHint } : {}) })
                  : nothing}
              </div>`
            : nothing}
          <h2 class="section-title">${t('checkout.payment.title')}</h2>
          <abona-segmented-control class="methods" .options=${methods} .value=${this.method} label=${t('checkout.payment.title')} @change=${this.onMethodChange}></abona-segmented-control>
          <div class="panel">${this.renderMethod(t, wallet, session.mode === 'payment')}</div>
          ${this.renderPromo(t)}
          ${declineText ? html`<p class="decline" part="decline" role="alert">${declineText}</p>` : html`<p class="decline-placeholder" role="alert"></p>`}
          <button type="submit" class="button primary submit ${this.method === 'wallet' ? 'wallet-submit' : ''}" part="submit" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'}>
            ${busy ? html`<span class="spinner" aria-hidden="true"></span>${t('flow.processing')}` : submitLabel}
          </button>
        </fieldset>
      </form>
    </div>
    ${sandbox?.checkoutDialogs(t, {
      threeDsOpen: state.status === 'requires_action',
      answer: (outcome) => void this.store.completeAction(outcome),
      wallet,
      walletOpen: this.walletOpen,
      amount,
      busy,
      payWallet: () => {
        this.walletOpen = false;
        this.pay();
      },
      cancelWallet: () => (this.walletOpen = false),
    })}`;
  }

  /**
   * Country, then the street address where tax needs it (line 1, line 2, city), state or province
   * where needed, and the postal code. The country menu stays the first node of the first row
   * whatever the country, so changing it never re-creates it (focus stays on it).
   */
  private renderAddress(locale: string, t: T): TemplateResult {
    const v = this.values;
    const full = needsFullAddress(v.country);
    const state = needsState(v.country) ? this.field('state', t('checkout.address.state'), { autocomplete: 'address-level1' }) : nothing;
    const postal = this.field('postal_code', t('checkout.postalCode'), { autocomplete: 'postal-code' });
    return html`<div class="row">
        <div class="field">
          <label for="country">${t('checkout.country')}</label>
          <select id="country" name="country" autocomplete="country" @change=${this.onInput}>
            ${countryOptions(locale, v.country).map((c) => html`<option value=${c.code} ?selected=${c.code === v.country}>${c.name}</option>`)}
          </select>
        </div>
        ${full ? nothing : html`${state}${postal}`}
      </div>
      ${full ? html`${this.addressLines(t, false)}<div class="row">${this.field('city', t('checkout.address.city'), { autocomplete: 'address-level2', required: true })}${state}${postal}</div>` : nothing}`;
  }

  /** Street address lines, and the city unless the caller places it beside state and postal code. */
  private addressLines(t: T, withCity = true): TemplateResult {
    return html`${this.field('line1', t('checkout.address.line1'), { autocomplete: 'address-line1', required: true })}
    ${this.field('line2', t('checkout.address.line2'), { autocomplete: 'address-line2' })}
    ${withCity ? this.field('city', t('checkout.address.city'), { autocomplete: 'address-level2', required: true }) : nothing}`;
  }

  private renderMethod(t: T, wallet: string | undefined, oneTime: boolean): TemplateResult {
    if (this.method === 'bank_transfer') return html`<p class="note">${t(oneTime ? 'checkout.payment.bankTransferNoteOnce' : 'checkout.payment.bankTransferNote')}</p>`;
    if (this.method === 'wallet' && wallet) return html`<p class="note">${t('wallet.label')}</p>`;
    if (!this.provider?.ownsCardForm) return html`<slot name="payment-element"><p class="note">${t('checkout.payment.unavailable')}</p></slot>`;
    return this.sandbox?.cardFields(t, (name, label, options) => this.field(name, label, options), (number) => this.fillTestCard(number)) ?? html``;
  }

  private renderPromo(t: T): TemplateResult {
    const rejected = this.checkout.value.fieldErrors.promotion_code;
    if (this.appliedCode && !rejected) {
      return html`<p class="promo-applied">
        <span>${t('checkout.promo.applied', { code: this.appliedCode })}</span>
        <button type="button" class="button quiet" @click=${() => void this.applyPromo(null)}>${t('checkout.promo.remove')}</button>
      </p>`;
    }
    if (!this.promoOpen && !rejected) {
      return html`<button type="button" class="button quiet promo-add" @click=${() => (this.promoOpen = true)}>${t('checkout.promo.add')}</button>`;
    }
    const apply = () => {
      const code = this.values.promo.trim();
      if (code) void this.applyPromo(code);
    };
    return html`<div class="promo-row">
      ${this.field('promo', t('checkout.promo.label'), { autocomplete: 'off', ...(rejected ? { error: t('checkout.promo.invalid') } : {}) })}
      <button type="button" class="button secondary" @click=${apply}>${t('checkout.promo.apply')}</button>
    </div>`;
  }
}
