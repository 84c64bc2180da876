import { adoptStyles, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { AbonaElement } from '../base/abona-element.js';
import type { AbonaApiError } from '../api/api-error.js';
import type { ApiTarget } from '../api/request.js';
import { AbonaLoadedEvent } from '../events/loaded.js';
import { AbonaPlanSelectedEvent, type PlanSelectedDetail } from '../events/plan-selected.js';
import { formattingLocale } from '../i18n/locale.js';
import { createTranslator, type Translate } from '../i18n/translate.js';
import { skeletonBlock } from '../shared/skeleton.js';
import { StoreController } from '../state/store-controller.js';
import { extras, lazyStyles, needsExtras } from './lazy-parts.js';
import { pricingTableMessages, type PricingMessageKey } from './messages.js';
import type { CardChoices } from './card-choices.js';
import { describeCards, type CardView, type FeatureView } from './card-view.js';
import { pricesFor, type PriceView } from './price-view.js';
import type { PricingInterval, PricingProduct, PricingQuery, PricingResponse } from './pricing-response.js';
import { createPricingStore } from './pricing-store.js';
import { pricingTableStyles } from './pricing-table.styles.js';

/** What the call to action does after `abona-plan-selected` (unless the page cancels it). */
export type CtaMode = 'event' | 'checkout-inline' | 'checkout-dialog';

/** Rows every card spans in the shared grid, besides one per feature: head, price, action, footer. */
const fixedRows = 4;

/**
 * @summary A pricing table: a Monthly | Yearly switch, a card per plan with its price exactly as
 * the server resolves it (tax, currency, seats), features aligned across cards, and a call to
 * action per plan.
 *
 * @slot social-proof - Under the cards: testimonials, customer logos, "Trusted by 2,000 teams".
 * @slot footer-<product id> - At the bottom of one plan's card, e.g. `footer-prod_pro`.
 *
 * @event abona-loaded - Prices were loaded and shown for the first time.
 * @event abona-plan-selected - A plan's call to action was chosen. Cancelable.
 * @event abona-error - Prices could not be loaded (configuration, network or server error).
 *
 * @csspart base - The wrapper of the whole table.
 * @csspart toolbar - The row with the interval switch and the currency menu.
 * @csspart grid - The cards' grid.
 * @csspart card - Each plan card; the highlighted one also has `card-highlighted`, the current one `card-current`.
 * @csspart badge - The "Most popular" (or vendor) badge.
 * @csspart price - The price block of a card.
 * @csspart amount - The large amount.
 * @csspart cta - Each call-to-action button or link.
 * @csspart features - The feature list of a card.
 * @csspart error - The error panel.
 * @csspart retry-button - Its "Try again" button.
 *
 * @cssproperty --abona-color-primary - Accent: buttons, highlighted card, checks. Default #4f46e5 (light), #8b93ff (dark).
 * @cssproperty --abona-color-primary-hover - Accent on hover.
 * @cssproperty --abona-color-primary-contrast - Text on the accent. Default #fff (light), #0b1020 (dark).
 * @cssproperty --abona-color-primary-soft - Tinted background of badges.
 * @cssproperty --abona-color-text - Main text. Default #0f172a (light), #e7ebf3 (dark).
 * @cssproperty --abona-color-text-muted - Secondary text.
 * @cssproperty --abona-color-bg - Behind the cards. Default transparent.
 * @cssproperty --abona-color-surface - Card background.
 * @cssproperty --abona-color-surface-muted - Quiet backgrounds (switch track, tier table).
 * @cssproperty --abona-color-border - Borders and dividers.
 * @cssproperty --abona-color-success - Savings and positive states.
 * @cssproperty --abona-color-danger - Errors.
 * @cssproperty --abona-color-focus - Focus ring colour.
 * @cssproperty --abona-radius - Card corner radius; controls use 60% of it. Default 14px.
 * @cssproperty --abona-font-family - Font stack. Default the system UI font.
 * @cssproperty --abona-font-size - Base font size. Default 1rem.
 * @cssproperty --abona-spacing - Base spacing unit. Default 1rem.
 * @cssproperty --abona-density - Multiplies spacing: 0.85 compact, 1 comfortable, 1.15 airy. Default 1.
 * @cssproperty --abona-shadow - Card shadow.
 * @cssproperty --abona-shadow-raised - Highlighted card shadow.
 * @cssproperty --abona-card-min-width - Narrowest card before cards wrap. Default 16rem.
 */
export class PricingTable extends AbonaElement {
  static override styles = pricingTableStyles;
  static override properties: PropertyDeclarations = {
    currency: {},
    country: {},
    interval: { reflect: true },
    ctaMode: { attribute: 'cta-mode' },
    currentPrice: { attribute: 'current-price' },
  };

  private readonly store = createPricingStore();
  readonly #pricing = new StoreController(this, this.store.$state);
  #lastRequestKey = '';
  /** The `interval` attribute at first load: a hint to the server, not re-sent on every switch. */
  #preferredInterval: PricingInterval | undefined;
  #loadedAnnounced = false;
  /** Seats and open tier tables chosen on the cards; made when the extras chunk arrives. */
  #choices: CardChoices | undefined;
  /** The cards' view model and what it was computed from (compared by identity). */
  #cardViews: { key: readonly unknown[]; cards: CardView[] } | undefined;
  /** The last translator and its language tag: building one per render is waste. */
  #lastTranslator: { tag: string; t: Translate<PricingMessageKey> } | undefined;
  /** How many lazy chunks' styles this shadow root has adopted so far. */
  #adoptedLazyStyles = 0;
  /** The load error last reported to the page, so a re-render does not report it again. */
  #reportedError: AbonaApiError | undefined;

  /** ISO 4217 currency to price in; defaults to the server's choice for the customer. */
  currency?: string;
  /** ISO 3166-1 alpha-2 country for tax; defaults to the server's guess. */
  country?: string;
  /** Billing interval shown: `month`, `year`, … Defaults to monthly when offered. */
  interval?: PricingInterval;
  /** What choosing a plan does after the event: just the `event`, or open checkout inline or in a dialog. */
  ctaMode: CtaMode = 'event';
  /** The customer's current price (portal mode): its card reads "Current plan", others "Upgrade"/"Downgrade". */
  currentPrice?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page after a load was cut short: ask again.
    if (this.#lastRequestKey === '' && this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A removed table leaves no request behind; one cut short is sent again on reconnect.
    if (this.store.abort()) this.#lastRequestKey = '';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const settings = this.settings;
    // The copy of a language other than English is its own chunk: fetch it alongside the prices.
    if (!pricingTableMessages.ready(settings.locale)) void pricingTableMessages.load(settings.locale).then(() => this.requestUpdate());
    if (this.#lastRequestKey === '' && this.#preferredInterval === undefined) this.#preferredInterval = this.interval;
    // Seat, tier and usage prices need the extras chunk, so it is there whenever a card has them.
    if (!this.#choices && extras.value) this.#choices = new extras.value.CardChoices(this);
    const target: ApiTarget = { apiBase: settings.apiBase, publishableKey: settings.publishableKey, keyKind: settings.keyKind, keySource: settings.keySource };
    const query = this.#query(this.#pricing.value.data);
    const key = JSON.stringify([target, query]);
    // Not while removed: a late catalog chunk re-renders a removed table, which must not fetch.
    if (key !== this.#lastRequestKey && this.isConnected) {
      this.#lastRequestKey = key;
      void this.store.load(target, query);
    }
    // The chunk with the stepper, tiers and error panel, when this data needs it, checkout a click
    // will, or portal mode (known from the attributes, so it loads alongside the prices).
    if (!extras.ready && (needsExtras(this.#pricing.value) || this.ctaMode !== 'event' || this.currentPrice)) void extras.load().then(() => this.requestUpdate());
    const styles = lazyStyles();
    if (styles.length !== this.#adoptedLazyStyles && this.shadowRoot) {
      this.#adoptedLazyStyles = styles.length;
      adoptStyles(this.shadowRoot, [...PricingTable.elementStyles, ...styles]);
    }
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Row counts go in through CSSOM: a style="" attribute would break under a strict CSP
    // (style-src without 'unsafe-inline'), which is how vendors should run checkout pages.
    const grid = this.renderRoot.querySelector<HTMLElement>('.grid');
    if (grid) {
      grid.style.setProperty('--rows', grid.dataset['rows'] ?? '');
      grid.style.setProperty('--features', grid.dataset['features'] ?? '');
    }
    const { status, error, data } = this.#pricing.value;
    if (status === 'error' && error !== this.#reportedError) {
      // The error event and console message come with the extras chunk, which every failed load
      // awaits before it fails; should that chunk not load, the console still says what failed.
      this.#reportedError = error;
      if (extras.value) extras.value.reportElementError(this, error);
      else void extras.load().then((module) => (module ? module.reportElementError(this, error) : console.error(error?.message)));
    }
    if (status === 'ready' && data && !this.#loadedAnnounced && pricingTableMessages.ready(this.settings.locale) && this.#partsReady) {
      this.#loadedAnnounced = true;
      this.dispatchEvent(new AbonaLoadedEvent({ element: this.localName }));
    }
  }

  /** The request for the current attributes and chosen seats (per price id of each product). */
  #query(data: PricingResponse | undefined): PricingQuery {
    const query: PricingQuery = {};
    if (this.currency) query.currency = this.currency;
    if (this.country) query.country = this.country;
    if (this.#preferredInterval) query.interval = this.#preferredInterval;
    const quantity = data && this.#choices ? this.#choices.quantities(data.products) : {};
    if (Object.keys(quantity).length > 0) query.quantity = quantity;
    return query;
  }

  get #activeInterval(): PricingInterval {
    const intervals = this.#pricing.value.data?.intervals ?? [];
    if (this.interval && intervals.includes(this.interval)) return this.interval;
    return intervals.includes('month') ? 'month' : (intervals[0] ?? 'month');
  }

  readonly #onIntervalChange = (interval: PricingInterval): void => {
    this.interval = interval;
  };

  #onCurrencyChange(event: Event): void {
    this.currency = (event.target as HTMLSelectElement).value;
  }

  #choose(product: PricingProduct, interval: PricingInterval, currency: string): void {
    const { main } = pricesFor(product, interval);
    const detail: PlanSelectedDetail = {
      productId: product.id,
      priceId: main?.id ?? '',
      quantity: main?.quantity ?? 1,
      currency,
      interval,
      ctaMode: this.ctaMode,
      trial: (main?.trial_days ?? 0) > 0,
    };
    // Unless the page cancels the event, `checkout-inline` / `checkout-dialog` open <abona-checkout>.
    if (!this.dispatchEvent(new AbonaPlanSelectedEvent(detail)) || product.cta.type === 'contact' || detail.ctaMode === 'event') return;
    // Loaded as soon as cta-mode asks for checkout, so this is synchronous unless that chunk failed.
    if (extras.value) extras.value.openCheckout(this, detail, product.name);
    else void extras.load().then((opener) => opener?.openCheckout(this, detail, product.name));
  }

  /** True when every chunk the current state needs has arrived (or failed for good). */
  get #partsReady(): boolean {
    return extras.ready || (!needsExtras(this.#pricing.value) && !this.currentPrice);
  }

  /** Loads prices again, e.g. after a network error. */
  retry(): void {
    this.#lastRequestKey = '';
    this.requestUpdate();
  }

  override render() {
    const settings = this.settings;
    const locale = formattingLocale(settings.locale);
    const copyReady = pricingTableMessages.ready(locale);
    // Until the language's chunk arrives, only the skeleton shows, its hidden label in English.
    const t = this.#translator(copyReady ? locale : 'en');
    const { status, data, error, refreshing } = this.#pricing.value;
    let body: TemplateResult;
    if (!copyReady || !this.#partsReady) {
      body = this.#renderSkeleton(t);
    } else if (status === 'error' && error && extras.value) {
      body = extras.value.renderLoadError(error, t, () => this.retry());
    } else if (!data) {
      body = this.#renderSkeleton(t);
    } else if (data.products.length === 0) {
      body = html`<p class="empty">${t('pricing.empty')}</p>`;
    } else {
      body = this.#renderTable(data, locale, t);
    }
    return html`<section class=${this.themeClass(settings.theme)} part="base" aria-label=${t('pricing.label')} aria-busy=${status === 'loading' || refreshing ? 'true' : 'false'}>
      ${body}
      <p class="visually-hidden" aria-live="polite">${refreshing ? t('pricing.updating') : ''}</p>
    </section>`;
  }

  #renderSkeleton(t: Translate<PricingMessageKey>): TemplateResult {
    const card = html`<div class="card skeleton-card" aria-hidden="true">
      ${skeletonBlock('sk-title')} ${skeletonBlock('sk-text')} ${skeletonBlock('sk-price')} ${skeletonBlock('sk-button')}
      ${skeletonBlock('sk-line')} ${skeletonBlock('sk-line')} ${skeletonBlock('sk-line short')}
    </div>`;
    return html`<div role="status" class="loading">
      <span class="visually-hidden">${t('pricing.loading')}</span>
      <div class="toolbar">${skeletonBlock('sk-switch')}</div>
      <div class="skeleton-grid">${card}${card}${card}</div>
    </div>`;
  }

  #renderTable(data: PricingResponse, locale: string, t: Translate<PricingMessageKey>): TemplateResult {
    const interval = this.#activeInterval;
    const rows = fixedRows + data.features.length;
    return html`<div class="toolbar" part="toolbar">
        ${extras.value ? extras.value.renderIntervalSwitch(data, interval, locale, t, this.#onIntervalChange) : nothing}
        ${extras.value ? extras.value.renderCurrencyMenu(data, t, this.#onCurrencyChange) : nothing}
      </div>
      <div class="grid ${this.#pricing.value.refreshing ? 'refreshing' : ''}" part="grid" data-rows=${rows} data-features=${Math.max(1, data.features.length)}>
        ${this.#cards(data, interval, locale, t).map((view) => this.#renderCard(view, data, interval, t))}
      </div>
      <div class="social-proof"><slot name="social-proof"></slot></div>`;
  }

  #translator(tag: string): Translate<PricingMessageKey> {
    if (this.#lastTranslator?.tag !== tag) this.#lastTranslator = { tag, t: createTranslator(pricingTableMessages.catalogs, tag) };
    return this.#lastTranslator.t;
  }

  /** The cards' view model, recomputed only when the response, interval, language, current price or loaded chunks change. */
  #cards(data: PricingResponse, interval: PricingInterval, locale: string, t: Translate<PricingMessageKey>): CardView[] {
    const key = [data, interval, locale, pricingTableMessages.ready(locale), this.currentPrice, extras.value] as const;
    const cached = this.#cardViews;
    if (cached && cached.key.every((value, i) => value === key[i])) return cached.cards;
    const cards = describeCards(data, interval, locale, t, this.currentPrice);
    this.#cardViews = { key, cards };
    return cards;
  }

  #renderCard(card: CardView, data: PricingResponse, interval: PricingInterval, t: Translate<PricingMessageKey>): TemplateResult {
    const { product, price: view, relation } = card;
    const parts = ['card', product.highlight ? 'card-highlighted' : '', relation === 'current' ? 'card-current' : ''].filter(Boolean).join(' ');
    const badge = product.badge ?? (product.highlight ? t('pricing.popular') : undefined);
    return html`<article class="card ${product.highlight ? 'highlight' : ''}" part=${parts} aria-labelledby="name-${product.id}">
      <header class="head">
        ${badge ? html`<span class="badge" part="badge">${badge}</span>` : nothing}
        <h3 id="name-${product.id}" class="name">${product.name}</h3>
        <p class="description">${product.description}</p>
      </header>
      <div class="price" part="price">${view ? this.#renderPrice(product, view, t) : this.#renderCustomPrice(t)}</div>
      <div class="action">${this.#renderCta(card, data, interval, t)}</div>
      ${data.features.length > 0
        ? html`<ul class="features" part="features" aria-label=${t('pricing.features')}>
            ${card.features.map(renderFeature)}
          </ul>`
        : nothing}
      <footer class="footer"><slot name="footer-${product.id}"></slot></footer>
    </article>`;
  }

  #renderPrice(product: PricingProduct, view: PriceView, t: Translate<PricingMessageKey>): TemplateResult {
    return html`<p class="headline">
        ${view.before ? html`<span class="from">${view.before.trim()}</span>` : nothing}
        <span class="amount" part="amount">${view.amount}</span>
        ${view.after.trim() ? html`<span class="from">${view.after.trim()}</span>` : nothing}
        <span class="per">${view.per}</span>
      </p>
      ${view.notes.map((note) => html`<p class="note">${note}</p>`)}
      ${(view.stepper || view.total || view.usage.length > 0 || view.tiers) && extras.value && this.#choices
        ? extras.value.renderPriceParts(product.id, view, this.#choices, formattingLocale(this.settings.locale), t)
        : nothing}`;
  }

  #renderCustomPrice(t: Translate<PricingMessageKey>): TemplateResult {
    return html`<p class="headline"><span class="amount custom" part="amount">${t('pricing.custom')}</span></p>
      <p class="note">${t('pricing.customNote')}</p>`;
  }

  #renderCta({ product, relation, relationLabel }: CardView, data: PricingResponse, interval: PricingInterval, t: Translate<PricingMessageKey>): TemplateResult {
    const { main, metered } = pricesFor(product, interval);
    const contact = product.cta.type === 'contact' || (!main && metered.length === 0);
    const style = product.highlight ? 'primary' : 'secondary';
    if (contact && product.cta.url) {
      return html`<a class="button ${style} cta" part="cta" href=${product.cta.url}>${product.cta.label ?? t('pricing.cta.contact')}</a>`;
    }
    // Portal mode: the current plan's button does nothing (extras.ts, which portal mode loads).
    if (!contact && relation === 'current' && extras.value) return extras.value.renderCurrentPlan(relationLabel ?? '');
    const trialDays = main?.trial_days ?? 0;
    const label = contact
      ? (product.cta.label ?? t('pricing.cta.contact'))
      : (relationLabel ?? product.cta.label ?? (trialDays > 0 ? t('pricing.cta.trial', { count: trialDays }) : t('pricing.cta.subscribe')));
    return html`<button type="button" class="button ${style} cta" part="cta" @click=${() => this.#choose(product, interval, data.currency)}>${label}</button>`;
  }
}

/**
 * One feature line. One flat template with the text precomputed (no nested ones for the icon or
 * the value): a table renders a dozen of these per card, and every part is work for Lit.
 */
function renderFeature(feature: FeatureView): TemplateResult {
  return html`<li class=${feature.included ? 'included' : 'excluded'}>
    <svg class="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false"><path d=${feature.included ? 'M5 10.5l3.2 3.2L15 7' : 'M6 10h8'} /></svg>
    <span>
      <strong>${feature.amount}</strong>${feature.text}
      <span class="visually-hidden">· ${feature.status}</span>
    </span>
  </li>`;
}
