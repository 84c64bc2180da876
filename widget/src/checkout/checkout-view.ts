/*
 * The checkout's form, order summary and outcome: a chunk of its own, fetched by
 * `<abona-checkout>` when it connects (while the session is being created), so pages without a
 * checkout never download the form, its styles or its English copy.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { isTestKey } from '../config/key.js';
import { AbonaBeforeCheckoutEvent } from '../events/before-checkout.js';
import { formatDate } from '../i18n/dates.js';
import { formattingLocale } from '../i18n/locale.js';
import { formatMoney } from '../i18n/money.js';
import { createTranslator, type Translate } from '../i18n/translate.js';
import { errorState } from '../shared/error-state.js';
import type { SegmentedControl } from '../shared/segmented-control/segmented-control.component.js';
import '../shared/segmented-control/segmented-control.js';
import { skeletonBlock } from '../shared/skeleton.js';
import type { CheckoutMethod } from './checkout.component.js';
import type { CheckoutContext, CheckoutField, CheckoutHost, CheckoutView } from './checkout-host.js';
import { renderSummary } from './checkout-summary.js';
import { countryOptions, needsFullAddress, needsState } from './countries.js';
import { emailValid } from './email.js';
import { checkoutMessages, type CheckoutMessageKey } from './messages.js';
import type { PaymentProvider } from './payment-provider.js';

export { checkoutViewStyles } from './checkout.styles.js';

type Field = CheckoutField;
type T = Translate<CheckoutMessageKey>;
/** What the form shows besides the customer's details. */
interface ViewState {
  method: CheckoutMethod;
  /** Problems found before asking the server (empty email, a card number failing Luhn). */
  problems: Partial<Record<Field, string>>;
  touched: ReadonlySet<Field>;
  promoOpen: boolean;
  appliedCode: string;
  summaryOpen: boolean;
  walletOpen: boolean;
}
type FieldOptions = { type?: string; autocomplete?: string; inputmode?: string; placeholder?: string; error?: string; required?: boolean };

/** Decline codes with their own plain-words message; others get the generic one. */
const declineCodes = ['card_declined', 'insufficient_funds', 'expired_card', 'incorrect_cvc', 'processing_error'];
/** Tax inputs wait this long for the typing to stop before the session is re-priced. */
const updateDebounceMs = 300;
/** The fields whose change can change tax, hence the totals. */
const taxFields: readonly Field[] = ['country', 'line1', 'line2', 'city', 'state', 'postal_code', 'tax_id', 'business_name', 'email', 'name'];

/** Mounts the checkout's view on the element. */
export function mountCheckout(host: CheckoutHost, context: CheckoutContext): CheckoutView {
  return new CheckoutForm(host, context);
}

/**
 * The form and everything it does: validation, re-pricing as tax inputs change (debounced),
 * promotion codes, payment with the chosen method, and the outcome panels. The session and the
 * customer's details live on the element (`context`), which also fires the public events.
 */
class CheckoutForm implements ReactiveController, CheckoutView {
  private readonly host: CheckoutHost;
  private readonly context: CheckoutContext;
  private updateTimer: ReturnType<typeof setTimeout> | undefined;
  private focusOutcome = false;
  /** The test-mode pieces (card form, test cards, 3-D Secure page, wallet sheet): loaded only with a test key. */
  private sandbox: typeof import('./sandbox.js') | undefined;
  /** The success and bank-transfer panels: their own chunk, fetched once a payment starts. */
  private done: typeof import('./checkout-done.js') | undefined;
  private ui: ViewState = { method: 'card', problems: {}, touched: new Set(), promoOpen: false, appliedCode: '', summaryOpen: false, walletOpen: false };

  constructor(host: CheckoutHost, context: CheckoutContext) {
    this.host = host;
    this.context = context;
    this.ui.appliedCode = host.promotionCode ?? '';
    host.addController(this);
    // Details that changed while this chunk was on its way (a page's country switcher) are priced now.
    if (context.lastSent && JSON.stringify(context.sessionParams()) !== context.lastSent) this.queueUpdate();
  }

  hostDisconnected(): void {
    clearTimeout(this.updateTimer);
  }

  /** Sets view state and re-renders the element. */
  private patch(next: Partial<ViewState>): void {
    this.ui = { ...this.ui, ...next };
    this.host.requestUpdate();
  }

  private get state() {
    return this.context.store.$checkout.get();
  }

  private get values() {
    return this.context.values();
  }

  private get locale(): string {
    return formattingLocale(this.context.settings().locale);
  }

  private get testMode(): boolean {
    return isTestKey(this.context.settings().publishableKey);
  }

  /** How payment details are collected: the sandbox in test mode; none in live mode until a gateway element is wired. */
  private get provider(): PaymentProvider | undefined {
    return this.testMode ? this.sandbox?.sandboxProvider : undefined;
  }

  private translator(): T {
    const locale = this.locale;
    return createTranslator(checkoutMessages.catalogs, checkoutMessages.ready(locale) ? locale : 'en');
  }

  title(): string {
    return this.translator()('checkout.title');
  }

  closeLabel(): string {
    return this.translator()('common.close');
  }

  copyReady(): boolean {
    return checkoutMessages.ready(this.context.settings().locale);
  }

  emailInvalid(): string {
    return this.translator()('checkout.email.invalid');
  }

  willUpdate(changed: ReadonlyMap<PropertyKey, unknown>): void {
    const locale = this.context.settings().locale;
    if (!checkoutMessages.ready(locale)) void checkoutMessages.load(locale).then(() => this.host.requestUpdate());
    if (this.testMode && !this.sandbox) {
      void import('./sandbox.js').then((module) => {
        this.sandbox = module;
        this.host.requestUpdate();
      });
    }
    // After the first render a new `country` (a page's country switcher) replaces the chosen one.
    if (changed.has('country') && this.host.country && this.host.hasUpdated) this.setValue('country', this.host.country.toUpperCase());
  }

  updated(): void {
    const { status, session } = this.state;
    if (!this.done && session && status !== 'ready') {
      void import('./checkout-done.js').then((module) => {
        this.done = module;
        this.host.requestUpdate();
      });
    }
    const heading = this.focusOutcome && this.host.renderRoot.querySelector<HTMLElement>('.done h2');
    if (heading) {
      // The outcome takes focus once its panel is drawn, so screen readers announce it.
      this.focusOutcome = false;
      heading.focus();
    }
  }

  sessionStarted(): void {
    this.ui = { ...this.ui, appliedCode: this.host.promotionCode ?? '' };
  }

  completed(): void {
    this.patch({ walletOpen: false });
    this.focusOutcome = true;
  }

  private setValue(field: Field, value: string): void {
    this.context.setValues({ ...this.values, [field]: value });
    if (this.ui.problems[field]) this.patch({ problems: { ...this.ui.problems, [field]: undefined } });
    const store = this.context.store;
    if (field === 'tax_id') store.clearFieldError('tax_id');
    if (field === 'promo') store.clearFieldError('promotion_code');
    if (field.startsWith('card')) store.clearFieldError('card');
    if (taxFields.includes(field)) this.queueUpdate();
  }

  private readonly onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement | HTMLSelectElement;
    const field = input.name as Field;
    let value = input.value;
    if (field === 'card_number') value = this.sandbox?.formatCardNumber(value) ?? value;
    if (field === 'card_expiry') value = this.sandbox?.formatExpiry(value) ?? value;
    if (field === 'card_cvc') value = value.replace(/\D/g, '').slice(0, 4);
    if (value !== input.value) input.value = value;
    this.setValue(field, value);
  };

  private readonly onBlur = (event: Event): void => {
    this.patch({ touched: new Set([...this.ui.touched, (event.target as HTMLInputElement).name as Field]) });
  };

  queueUpdate(): void {
    clearTimeout(this.updateTimer);
    this.updateTimer = setTimeout(() => void this.pushUpdate(), updateDebounceMs);
  }

  /** Sends the details when they differ from what the server last priced. */
  private pushUpdate(): Promise<void> {
    clearTimeout(this.updateTimer);
    const params = this.context.sessionParams();
    const key = JSON.stringify(params);
    if (key === this.context.lastSent) return Promise.resolve();
    this.context.lastSent = key;
    return this.context.store.update(params).then(() => undefined);
  }

  private readonly onBusinessChange = (event: Event): void => {
    const business = (event.target as HTMLInputElement).checked;
    this.context.setBusiness(business);
    if (business && !this.context.taxIds()) void import('./tax-ids.js').then((module) => this.context.setTaxIds(module));
    this.queueUpdate();
  };

  private readonly onMethodChange = (event: Event): void => {
    this.patch({ method: (event.target as SegmentedControl).value as CheckoutMethod });
    this.context.store.clearFieldError('card');
  };

  private async applyPromo(code: string | null): Promise<void> {
    const rejected = (await this.context.store.update({ promotion_code: code })) === 'promotion_code';
    this.patch({ appliedCode: code && !rejected ? code : '' });
    if (!rejected && this.values.promo.trim() === (code ?? '')) this.context.setValues({ ...this.values, promo: '' });
    if (!code) this.patch({ promoOpen: false });
  }

  private fillTestCard(number: string): void {
    this.context.setValues({ ...this.values, card_number: this.sandbox?.formatCardNumber(number) ?? number, card_expiry: '12 / 34', card_cvc: '123' });
    this.patch({ problems: {} });
    this.context.store.clearFieldError('card');
  }

  /** Checks what can be checked here, marks and focuses the first problem; true when the form can be paid. */
  private validate(t: T): boolean {
    const problems: Partial<Record<Field, string>> = {};
    const v = this.values;
    const fullAddress = this.context.fullAddress();
    if (!emailValid(v.email)) problems.email = t('checkout.email.invalid');
    if (fullAddress && !v.line1.trim()) problems.line1 = t('checkout.address.line1.required');
    if (fullAddress && !v.city.trim()) problems.city = t('checkout.address.city.required');
    if (this.context.business() && this.state.fieldErrors.tax_id) problems.tax_id = t('checkout.taxId.rejected');
    if (this.ui.method === 'card' && this.sandbox && this.provider?.ownsCardForm) {
      const card = this.sandbox.readCard(v.card_number, v.card_expiry, v.card_cvc);
      if (card === 'number') problems.card_number = t('checkout.card.invalidNumber');
      if (card === 'expiry') problems.card_expiry = t('checkout.card.invalidExpiry');
      if (card === 'cvc') problems.card_cvc = t('checkout.card.invalidCvc');
    }
    this.patch({ problems });
    const first = Object.keys(problems)[0];
    if (first) void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus());
    return first === undefined;
  }

  private readonly onSubmit = (event: Event): void => {
    event.preventDefault();
    const { status, session } = this.state;
    const t = this.translator();
    if (status !== 'ready' || !session || this.context.disabled() || !this.validate(t)) return;
    const item = session.line_items[0];
    const go = this.host.dispatchEvent(new AbonaBeforeCheckoutEvent({ priceId: item?.price ?? '', quantity: item?.quantity ?? 1, currency: session.currency, email: this.values.email.trim() }));
    if (!go) return;
    if (this.ui.method === 'wallet') {
      this.patch({ walletOpen: true });
      return;
    }
    this.pay();
  };

  /** Confirms with the chosen method: one confirmation per submit, whatever the clicking. */
  private pay(): void {
    const provider = this.provider;
    const target = this.context.target();
    const v = this.values;
    const card = this.sandbox?.readCard(v.card_number, v.card_expiry, v.card_cvc) ?? 'number';
    const wallet = provider?.wallet();
    clearTimeout(this.updateTimer);
    const params = this.context.sessionParams();
    const changed = JSON.stringify(params) !== this.context.lastSent;
    this.context.lastSent = JSON.stringify(params);
    void this.context.store.confirm(async () => {
      if (this.ui.method === 'bank_transfer') return { type: 'bank_transfer' };
      if (!provider || !target) throw new Error('No payment provider in live mode yet.');
      if (this.ui.method === 'wallet' && wallet) return provider.walletPaymentMethod(wallet);
      if (typeof card === 'string') throw new Error(`Card ${card} is invalid.`);
      return provider.cardPaymentMethod(target, card);
    }, changed ? params : undefined);
  }

  render(): TemplateResult {
    const locale = this.locale;
    const t = this.translator();
    const { status, session, error } = this.state;
    let body: TemplateResult;
    if (!checkoutMessages.ready(locale) || (this.testMode && !this.sandbox) || status === 'idle' || status === 'loading' || (!session && status !== 'error')) {
      body = html`<div role="status" class="loading"><span class="visually-hidden">${t('common.loading')}</span>${[1, 2, 3, 4, 5].map(() => skeletonBlock('sk-field'))}</div>`;
    } else if (!session) {
      const kind = error?.kind;
      body = errorState({
        title: t('common.error.title'),
        message: kind === 'configuration' ? t('common.error.configuration') : kind === 'network' ? t('common.error.network') : t('common.error.server'),
        ...(kind === 'configuration' || (error?.status ?? 0) === 400 ? {} : { retryLabel: t('common.retry'), onRetry: () => this.context.retry() }),
      });
    } else if (status === 'complete' || status === 'pending') {
      const options = {
        amount: formatMoney(session.quote.amount_due, session.currency, locale),
        trialEnd: session.trial_end ? formatDate(session.trial_end, locale) : '',
        email: this.values.email,
        continueUrl: this.host.successUrl ?? session.success_url,
      };
      body = this.done ? this.done.renderDone({ html, nothing }, this.state, options, t) : html`<div role="status" class="loading">${skeletonBlock('sk-field')}</div>`;
    } else {
      body = this.renderCheckout(locale, t);
    }
    return html`${this.testMode ? html`<p class="test-banner" part="test-mode"><span class="badge">${t('flow.testMode')}</span> ${t('checkout.testMode.body')}</p>` : nothing} ${body}`;
  }

  private field(field: Field, label: string, options: FieldOptions = {}): TemplateResult {
    const message = this.ui.problems[field] ?? options.error;
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
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby=${message ? `${field}-message` : nothing}
        .value=${this.values[field]}
        @input=${this.onInput}
        @blur=${this.onBlur}
      />
      ${message ? html`<p id="${field}-message" class="message">${message}</p>` : nothing}
    </div>`;
  }

  private renderCheckout(locale: string, t: T): TemplateResult {
    const state = this.state;
    const session = state.session!;
    const v = this.values;
    const business = this.context.business();
    const sandbox = this.sandbox;
    const wallet = this.provider?.wallet();
    const busy = state.status === 'processing' || state.status === 'requires_action';
    const taxFormat = this.context.taxIds()?.taxIdFormat(v.country);
    const taxShapeWrong = v.tax_id.trim() !== '' && taxFormat !== undefined && !this.context.taxShapeOk(taxFormat);
    const countryName = countryOptions(locale, v.country).find((c) => c.code === v.country)?.name ?? v.country;
    const taxHint = state.fieldErrors.tax_id
      ? t('checkout.taxId.rejected')
      : taxShapeWrong && (this.ui.touched.has('tax_id') || v.tax_id.replace(/\W/g, '').length >= taxFormat.example.replace(/\W/g, '').length)
        ? t('checkout.taxId.invalid', { country: countryName })
        : undefined;
    const amount = formatMoney(session.quote.amount_due, session.currency, locale);
    const trial = session.quote.amount_due === 0 && session.trial_end !== null;
    const walletLabel = wallet && sandbox ? sandbox.walletLabel(t, wallet) : '';
    const submitLabel =
      this.ui.method === 'wallet' ? walletLabel : trial ? t('checkout.submit.trial') : session.mode === 'payment' ? t('checkout.submit.pay', { amount }) : t('checkout.submit.subscribe', { amount });
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
      ${renderSummary(session, { prices: state.prices, locale, code: this.ui.appliedCode, open: this.ui.summaryOpen, updating: state.updating, onToggle: () => this.patch({ summaryOpen: !this.ui.summaryOpen }) }, t)}
      <form class="form" part="form" novalidate @submit=${this.onSubmit}>
        <fieldset ?disabled=${this.context.disabled()}>
          ${this.field('email', t('checkout.email'), { type: 'email', autocomplete: 'email', required: true })}
          ${this.field('name', t('checkout.name'), { autocomplete: 'name' })}
          ${this.renderAddress(locale, t)}
          <label class="switch">
            <input type="checkbox" .checked=${business} @change=${this.onBusinessChange} />
            <span>${t('checkout.business')}</span>
          </label>
          ${business
            ? html`<div class="business">
                ${this.field('business_name', t('checkout.company'), { autocomplete: 'organization' })}
                ${needsFullAddress(v.country) ? nothing : this.addressLines(t)}
                ${taxFormat
                  ? this.field('tax_id', t('checkout.taxId'), { placeholder: t('checkout.taxId.placeholder', { example: taxFormat.example }), ...(taxHint ? { error: taxHint } : {}) })
                  : nothing}
              </div>`
            : nothing}
          <h2 class="section-title">${t('checkout.payment.title')}</h2>
          <abona-segmented-control class="methods" .options=${methods} .value=${this.ui.method} label=${t('checkout.payment.title')} @change=${this.onMethodChange}></abona-segmented-control>
          <div class="panel">${this.renderMethod(t, wallet, session.mode === 'payment')}</div>
          ${this.renderPromo(t)}
          ${declineText ? html`<p class="decline" part="decline" role="alert">${declineText}</p>` : html`<p class="decline-placeholder" role="alert"></p>`}
          <button type="submit" class="button primary submit ${this.ui.method === 'wallet' ? 'wallet-submit' : ''}" part="submit" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'}>
            ${busy ? html`<span class="spinner" aria-hidden="true"></span>${t('flow.processing')}` : submitLabel}
          </button>
        </fieldset>
      </form>
    </div>
    ${sandbox?.checkoutDialogs(t, {
      threeDsOpen: state.status === 'requires_action',
      answer: (outcome) => void this.context.store.completeAction(outcome),
      wallet,
      walletOpen: this.ui.walletOpen,
      amount,
      busy,
      payWallet: () => {
        this.patch({ walletOpen: false });
        this.pay();
      },
      cancelWallet: () => this.patch({ walletOpen: false }),
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
    if (this.ui.method === 'bank_transfer') return html`<p class="note">${t(oneTime ? 'checkout.payment.bankTransferNoteOnce' : 'checkout.payment.bankTransferNote')}</p>`;
    if (this.ui.method === 'wallet' && wallet) return html`<p class="note">${t('wallet.label')}</p>`;
    if (!this.provider?.ownsCardForm) return html`<slot name="payment-element"><p class="note">${t('checkout.payment.unavailable')}</p></slot>`;
    return this.sandbox?.cardFields(t, (name, label, options) => this.field(name, label, options), (number) => this.fillTestCard(number)) ?? html``;
  }

  private renderPromo(t: T): TemplateResult {
    const rejected = this.state.fieldErrors.promotion_code;
    if (this.ui.appliedCode && !rejected) {
      return html`<p class="promo-applied">
        <span>${t('checkout.promo.applied', { code: this.ui.appliedCode })}</span>
        <button type="button" class="button quiet" @click=${() => void this.applyPromo(null)}>${t('checkout.promo.remove')}</button>
      </p>`;
    }
    if (!this.ui.promoOpen && !rejected) {
      return html`<button type="button" class="button quiet promo-add" @click=${() => this.patch({ promoOpen: true })}>${t('checkout.promo.add')}</button>`;
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
