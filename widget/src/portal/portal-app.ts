import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { ReadableAtom } from 'nanostores';
import { AbonaBeforePlanChangeEvent } from '../events/before-plan-change.js';
import { AbonaSubscriptionCanceledEvent } from '../events/subscription-canceled.js';
import { AbonaSubscriptionChangedEvent, type SubscriptionChangedDetail } from '../events/subscription-changed.js';
import { formattingLocale } from '../i18n/locale.js';
import { createTranslator } from '../i18n/translate.js';
import { errorState } from '../shared/error-state.js';
import { skeletonBlock } from '../shared/skeleton.js';
import { statusPillStyles } from '../shared/status-pill.js';
import { isMetered, longDate, mainItem } from './format.js';
import { portalMessages } from './messages.js';
import { createPortalClient } from './portal-client.js';
import type { PortalHost, PortalView } from './portal-host.js';
import { portalViewStyles } from './portal.styles.js';
import { createPortalStore, type ItemsChange, type PortalStore, type PortalTab } from './portal-store.js';
import type { ChangeResult, PortalSubscription } from './portal-types.js';
import type { PortalActions, ViewContext } from './views/context.js';
import { renderChangeFlow } from './views/change.js';
import { renderCancelFlow } from './views/cancel.js';
import { renderDetails } from './views/details.js';
import { renderInvoices } from './views/invoices.js';
import { renderOverview } from './views/overview.js';
import { renderPaymentMethods } from './views/payment-methods.js';
import { payView } from './views/pay-open.js';
import { renderUsage } from './views/usage.js';

/** The views' styles, adopted by `<abona-portal>` next to its own when this chunk loads. */
export const portalStyles = [statusPillStyles, portalViewStyles];

/** Mounts the portal's views on the element. */
export function mountPortal(host: PortalHost): PortalView {
  return new PortalApp(host);
}

/** Why a sign-in failed for good: only a new portal session helps, not a retry. */
const sessionErrors = new Set(['portal_session_expired', 'portal_code_invalid', 'session_already_used', 'session_expired', 'portal_token_expired', 'portal_token_invalid']);

const tabs: readonly PortalTab[] = ['overview', 'payment-methods', 'details', 'invoices', 'usage'];
const tabKeys = { overview: 'portal.nav.overview', 'payment-methods': 'portal.nav.paymentMethods', details: 'portal.nav.billingDetails', invoices: 'portal.nav.invoices', usage: 'portal.nav.usage' } as const;

/**
 * The portal's controller: owns the client and store for the current session, re-renders the
 * host when they change, turns results into DOM events, and moves focus between steps.
 */
class PortalApp implements ReactiveController, PortalView {
  private readonly host: PortalHost;
  private store: PortalStore | undefined;
  private sessionKey = '';
  private unsubscribe: (() => void)[] = [];
  private focusedStep = '';
  private flowOpened = false;
  /** The "Pay now" dialog's chunk, once a payment opened it. */
  private pay: Awaited<ReturnType<typeof payView>> | undefined;
  /** Loads cut short when the element left the page, sent again when it comes back. */
  private interrupted: { load(force?: boolean): Promise<void> }[] = [];

  constructor(host: PortalHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.store) this.watchStore(this.store);
    for (const resource of this.interrupted) void resource.load(true);
    this.interrupted = [];
    // A session that arrived while the element was away starts now.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    for (const stop of this.unsubscribe) stop();
    this.unsubscribe = [];
    // A removed portal leaves no request behind.
    const store = this.store;
    if (store) this.interrupted.push(...[store.overview, store.invoices].filter((resource) => resource.abort()));
  }

  hostUpdate(): void {
    const settings = this.host.portalSettings;
    if (!portalMessages.ready(settings.locale)) void portalMessages.load(settings.locale).then(() => this.host.requestUpdate());
    const key = JSON.stringify([settings.apiBase, this.host.session ?? '', this.host.sessionEndpoint ?? '']);
    // An element removed before its views arrived signs in only once it is back in the page.
    if (key !== this.sessionKey && this.host.isConnected) {
      this.sessionKey = key;
      this.start();
    }
  }

  hostUpdated(): void {
    const state = this.store?.overview.$state.get();
    if (state?.status === 'error') this.host.report(state.error);
    const actionError = this.store?.$ui.get().actionError;
    if (actionError && actionError.status !== 400 && actionError.status !== 402) this.host.report(actionError);
    // Meter fills go in through CSSOM: a style="" attribute breaks under a strict CSP.
    for (const fill of this.host.renderRoot.querySelectorAll<HTMLElement>('.fill[data-ratio]')) fill.style.setProperty('--ratio', fill.dataset['ratio'] ?? '0');
    this.moveFocus();
  }

  /** A new session (code, endpoint or API base changed): a new client, store and first load. */
  private start(): void {
    this.hostDisconnected();
    this.interrupted = [];
    const settings = this.host.portalSettings;
    const client = createPortalClient({ apiBase: settings.apiBase, code: this.host.session, endpoint: this.host.sessionEndpoint });
    const store = createPortalStore(client, () => {
      const target = { apiBase: settings.apiBase, publishableKey: settings.publishableKey, keyKind: settings.keyKind, keySource: settings.keySource };
      return settings.keyKind === 'publishable' ? target : undefined;
    });
    this.store = store;
    this.flowOpened = false;
    if (this.host.isConnected) this.watchStore(store);
    if (!this.host.session && !this.host.sessionEndpoint) return;
    void store.overview.load();
  }

  private watchStore(store: PortalStore): void {
    const watch = (atom: ReadableAtom<unknown>) => this.unsubscribe.push(atom.listen(() => this.host.requestUpdate()));
    watch(store.overview.$state);
    watch(store.invoices.$state);
    watch(store.$ui);
    this.unsubscribe.push(
      store.overview.$state.listen((state) => {
        // A failed payment: the banner offers to pay the open invoice, so its amount is needed.
        if (state.status === 'ready' && state.data?.subscriptions.some((sub) => sub.status === 'past_due' || sub.status === 'unpaid')) void store.invoices.load();
        if (state.status !== 'ready' || this.flowOpened) return;
        // Deep link: the attribute wins over the session's own flow.
        this.flowOpened = true;
        store.openFlow(this.host.flow || store.client.session?.flow);
      }),
    );
  }

  /** Puts focus on the heading of a step that just appeared, so keyboard and screen-reader users land on it. */
  private moveFocus(): void {
    const ui = this.store?.$ui.get();
    const step = ui ? `${ui.tab}:${ui.flow?.kind ?? ''}:${ui.flow && 'stage' in ui.flow ? ui.flow.stage : ''}` : '';
    if (step === this.focusedStep) return;
    const target = this.host.renderRoot.querySelector<HTMLElement>('[data-focus]');
    if (!target) return;
    const first = this.focusedStep === '';
    this.focusedStep = step;
    // The first screen doesn't steal focus from the page; later steps do.
    if (!first || this.host.flow) target.focus();
  }

  private get actions(): PortalActions {
    const store = this.store!;
    const host = this.host;
    const changed = (detail: SubscriptionChangedDetail) => host.dispatchEvent(new AbonaSubscriptionChangedEvent(detail));
    const settle = (sub: PortalSubscription, items: ItemsChange, result: ChangeResult | undefined, t: ViewContext['t']) => {
      if (!result) return;
      if (result.status === 'requires_action' && result.action) {
        store.setFlow({ kind: 'three-ds', sub: sub.id, items, actionId: result.action.id });
        return;
      }
      if (result.status === 'payment_failed') {
        store.patch({ notice: t('portal.change.paymentFailed') });
        store.setFlow({ kind: 'review', sub: sub.id, items, back: 'plans' });
        return;
      }
      store.replaceSubscription(result.subscription);
      if (result.status === 'scheduled' && items[0]) {
        store.patch({ scheduled: { ...store.$ui.get().scheduled, [sub.id]: { price: items[0].price, effectiveAt: result.effective_at } } });
      }
      const from = mainItem(sub);
      const to = items[0];
      const detail: SubscriptionChangedDetail = {
        subscriptionId: sub.id,
        change: from?.price.id === to?.price ? 'quantity' : 'plan',
        effective: result.effective,
        ...(from ? { fromPriceId: from.price.id } : {}),
        ...(to ? { toPriceId: to.price, quantity: to.quantity ?? 1 } : {}),
      };
      changed(detail);
      store.setFlow(undefined);
      void store.overview.load(true);
      void store.invoices.load(true);
    };
    return {
      confirmChange: async (sub, items) => {
        const from = mainItem(sub);
        const to = items[0];
        const veto = new AbonaBeforePlanChangeEvent({ subscriptionId: sub.id, fromPriceId: from?.price.id ?? '', toPriceId: to?.price ?? '', quantity: to?.quantity ?? 1 });
        if (!host.dispatchEvent(veto)) {
          store.patch({ notice: this.context()?.t('portal.review.vetoed') ?? '' });
          return;
        }
        const t = this.context()!.t;
        const result = await store.change(sub.id, items);
        if (result) store.patch({ notice: result.status === 'scheduled' ? t('portal.change.scheduledNotice') : result.status === 'applied' ? t('portal.change.appliedNotice') : '' });
        settle(sub, items, result, t);
      },
      finishThreeDs: async (sub, items, actionId, outcome) => {
        const t = this.context()!.t;
        const result = await store.completeChange(sub.id, actionId, outcome);
        const failed = store.$ui.get().actionError;
        if (!result && failed && (failed.status === 402 || failed.code === 'payment_failed')) {
          // Back to the review, with the plain-words reason in view and announced.
          store.setFlow({ kind: 'review', sub: sub.id, items, back: 'plans' });
          store.patch({ notice: t('portal.change.paymentFailed'), actionError: failed });
          return;
        }
        if (result && result.status !== 'applied' && result.status !== 'scheduled') {
          store.patch({ notice: t('portal.change.paymentFailed') });
          store.setFlow({ kind: 'review', sub: sub.id, items, back: 'plans' });
          return;
        }
        if (result) store.patch({ notice: t('portal.change.appliedNotice') });
        settle(sub, items, result, t);
      },
      undoScheduledChange: async (sub) => {
        const t = this.context()!.t;
        const updated = await store.unschedule(sub.id);
        if (!updated) return;
        store.patch({ notice: t('portal.downgrade.kept') });
        changed({ subscriptionId: sub.id, change: 'undo_scheduled_change', effective: 'now' });
      },
      cancel: async (sub, atPeriodEnd, reason, comment) => {
        const t = this.context()!.t;
        const body: Record<string, unknown> = { at_period_end: atPeriodEnd };
        if (reason) body['feedback'] = reason;
        if (comment.trim()) body['comment'] = comment.trim();
        const updated = await store.subscriptionAction(sub.id, 'cancel', body);
        if (!updated) return;
        const endsAt = atPeriodEnd ? updated.current_period_end : (updated.ended_at ?? new Date().toISOString());
        store.setFlow(undefined);
        store.patch({ notice: atPeriodEnd ? t('portal.cancel.done', { date: longDate(endsAt, this.context()!.locale) }) : t('portal.cancel.doneNow') });
        host.dispatchEvent(new AbonaSubscriptionCanceledEvent({ subscriptionId: sub.id, atPeriodEnd, endsAt, ...(reason ? { reason } : {}) }));
      },
      uncancel: async (sub) => {
        const t = this.context()!.t;
        const updated = await store.subscriptionAction(sub.id, 'uncancel');
        if (!updated) return;
        store.patch({ notice: t('portal.uncancel.done') });
        changed({ subscriptionId: sub.id, change: 'undo_cancel', effective: 'now' });
      },
      acceptOffer: async (sub) => {
        const t = this.context()!.t;
        const updated = await store.subscriptionAction(sub.id, 'accept_offer');
        if (!updated) return;
        store.setFlow(undefined);
        store.patch({ notice: t('portal.cancel.offer.accepted') });
      },
      pause: async (sub, resumesAt) => {
        const t = this.context()!.t;
        const updated = await store.subscriptionAction(sub.id, 'pause', resumesAt ? { resumes_at: resumesAt } : {});
        if (!updated) return;
        store.setFlow(undefined);
        store.patch({ notice: t('portal.pause.done') });
        changed({ subscriptionId: sub.id, change: 'pause', effective: 'now' });
      },
      resume: async (sub) => {
        const t = this.context()!.t;
        const updated = await store.subscriptionAction(sub.id, 'resume');
        if (!updated) return;
        store.patch({ notice: t('portal.resume.done') });
        changed({ subscriptionId: sub.id, change: 'resume', effective: 'now' });
      },
    };
  }

  private context(): ViewContext | undefined {
    const store = this.store;
    const overview = store?.overview.$state.get().data;
    if (!store || !overview) return undefined;
    const settings = this.host.portalSettings;
    const locale = formattingLocale(settings.locale);
    const t = createTranslator(portalMessages.catalogs, portalMessages.ready(locale) ? locale : 'en');
    return { store, overview, ui: store.$ui.get(), t, locale, host: this.host, actions: this.actions };
  }

  render(): TemplateResult {
    const settings = this.host.portalSettings;
    const locale = formattingLocale(settings.locale);
    const copyReady = portalMessages.ready(locale);
    const t = createTranslator(portalMessages.catalogs, copyReady ? locale : 'en');
    const store = this.store;
    const state = store?.overview.$state.get();
    let body: TemplateResult;
    if (!this.host.session && !this.host.sessionEndpoint) {
      body = errorState({ title: t('common.error.title'), message: t('common.error.configuration') });
    } else if (!copyReady || !state || state.status === 'loading' || state.status === 'idle') {
      body = html`<div role="status" class="loading"><span class="visually-hidden">${t('portal.loading')}</span>${skeletonBlock('sk-line')}${skeletonBlock('sk-card')}${skeletonBlock('sk-card')}</div>`;
    } else if (state.status === 'error' && !state.data) {
      const error = state.error;
      const expired = error?.status === 401 || sessionErrors.has(error?.code ?? '');
      const message = expired ? t('flow.error.sessionExpired') : error?.kind === 'configuration' ? t('common.error.configuration') : error?.kind === 'network' ? t('common.error.network') : t('common.error.server');
      body = errorState({ title: t('common.error.title'), message, ...(expired || error?.kind === 'configuration' ? {} : { retryLabel: t('common.retry'), onRetry: () => void store!.overview.load(true) }) });
    } else {
      body = this.renderPortal(this.context()!);
    }
    const ui = store?.$ui.get();
    return html`<section class="${`abona-root theme-${settings.theme}`} portal" part="base" aria-label=${t('portal.title')} aria-busy=${ui?.busy ? 'true' : 'false'}>
      ${body}
      <p class="visually-hidden" aria-live="polite" role="status">${ui?.notice ?? ''}</p>
    </section>`;
  }

  private renderPortal(ctx: ViewContext): TemplateResult {
    const { ui, t, overview } = ctx;
    if (ui.payment && !this.pay) void payView().then((view) => { this.pay = view; this.host.requestUpdate(); });
    const hasUsage = overview.subscriptions.some((s) => s.items.data.some((i) => isMetered(overview, s, i)));
    const shown = tabs.filter((tab) => (tab !== 'usage' || (hasUsage && !ui.missing.has('usage'))) && (tab !== 'invoices' || overview.config.features.invoice_history.enabled));
    let panel: TemplateResult;
    if (ui.flow && ui.tab === 'overview') {
      panel = ui.flow.kind === 'cancel' || ui.flow.kind === 'pause' ? renderCancelFlow(ctx, ui.flow) : renderChangeFlow(ctx, ui.flow);
    } else {
      panel = ui.tab === 'payment-methods' ? renderPaymentMethods(ctx) : ui.tab === 'details' ? renderDetails(ctx) : ui.tab === 'invoices' ? renderInvoices(ctx) : ui.tab === 'usage' ? renderUsage(ctx) : renderOverview(ctx);
    }
    return html`<nav class="tabs" part="nav" aria-label=${t('portal.nav.label')}>
        ${shown.map(
          (tab) => html`<button type="button" class="tab" aria-current=${ui.tab === tab ? 'page' : 'false'} @click=${() => ctx.store.openTab(tab)}>${t(tabKeys[tab])}</button>`,
        )}
      </nav>
      <div class="panel">${panel}</div>
      ${ui.payment && this.pay ? this.pay.renderPayment(ctx, ui.payment) : nothing}
      ${ui.busy ? html`<div class="busy" aria-hidden="true"></div>` : nothing}`;
  }
}
