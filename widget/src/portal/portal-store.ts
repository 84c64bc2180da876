import { atom } from 'nanostores';
import type { AbonaApiError } from '../api/api-error.js';
import { apiGet, type ApiTarget } from '../api/request.js';
import type { PricingResponse } from '../pricing/pricing-response.js';
import type { PortalClient } from './portal-client.js';
import type {
  PortalUpcomingInvoice,
  ChangePreview,
  ChangeResult,
  ListWire,
  PortalConfig,
  PortalCustomer,
  PortalFlow,
  PortalInvoice,
  PortalPaymentMethod,
  PortalSubscription,
  SubscriptionUsage,
} from './portal-types.js';
import { createResource, toApiError } from './resource.js';
import type { InvoicePayment, PaymentStep } from './pay-types.js';

/** Everything the overview needs, loaded together so the first screen appears at once. */
export interface PortalOverview {
  customer: PortalCustomer;
  subscriptions: PortalSubscription[];
  config: PortalConfig;
  paymentMethods: PortalPaymentMethod[];
  /** Product names by id: the portal's plan options, then the public catalog when a key is set. */
  productNames: Record<string, string>;
  /** The public catalog in the subscription's currency (seat limits, names), when a publishable key is set. */
  pricing: PricingResponse | undefined;
  /** The next renewal invoice by subscription; absent where nothing renews or the server can't say. */
  upcoming: Record<string, PortalUpcomingInvoice | undefined>;
}

/** The portal's tabs. */
export type PortalTab = 'overview' | 'payment-methods' | 'details' | 'invoices' | 'usage';

/** New items for a subscription, as `preview_change` / `change` take them. */
export type ItemsChange = { price: string; quantity?: number }[];

/** A step inside a subscription's flow (change plan, seats, cancel, pause). */
export type FlowStep =
  | { kind: 'plans'; sub: string }
  | { kind: 'seats'; sub: string; quantity: number }
  | { kind: 'review'; sub: string; items: ItemsChange; back: 'plans' | 'seats'; preview?: ChangePreview; error?: AbonaApiError; busy?: boolean }
  | { kind: 'three-ds'; sub: string; items: ItemsChange; actionId: string; busy?: boolean }
  | { kind: 'cancel'; sub: string; stage: 'reason' | 'offer' | 'confirm'; reason?: string; comment: string; error?: AbonaApiError; busy?: boolean }
  | { kind: 'pause'; sub: string; error?: AbonaApiError; busy?: boolean }
  | { kind: 'done'; sub: string; message: string };

/** What the view shows now. */
export interface PortalUi {
  tab: PortalTab;
  flow: FlowStep | undefined;
  /** The last result, announced politely (aria-live). */
  notice: string;
  /** The last action's error, with the field it names (tax id, card). */
  actionError: AbonaApiError | undefined;
  busy: boolean;
  /** Whether the add-card form is open. */
  addingCard: boolean;
  /** The invoice shown in the detail dialog. */
  openInvoice?: string | undefined;
  /**
   * Plan changes waiting for the period end, by subscription, as the change answered them
   * (the portal's subscription list doesn't carry them yet).
   */
  scheduled: Record<string, { price: string; effectiveAt: string }>;
  /** The "Pay now" dialog, over whichever tab opened it. */
  payment?: PaymentStep | undefined;
  /** Portal routes this server does not have (a 404 `url_invalid`): their buttons hide. */
  missing: ReadonlySet<string>;
}

/** Creates the portal's state for one element: its data resources, its UI, its actions. */
export function createPortalStore(client: PortalClient, catalog: () => ApiTarget | undefined) {
  /** The next invoice of a renewing subscription; undefined when nothing renews (404) or on any error (the overview falls back to the renewal date). */
  async function upcomingOf(subscription: PortalSubscription, signal?: AbortSignal): Promise<PortalUpcomingInvoice | undefined> {
    const renews = subscription.status === 'active' || subscription.status === 'trialing' || subscription.status === 'past_due' || subscription.status === 'unpaid' || (subscription.status === 'paused' && Boolean(subscription.pause_collection?.resumes_at));
    if (!renews || subscription.cancel_at_period_end) return undefined;
    try {
      return await client.get<PortalUpcomingInvoice>(`/subscriptions/${subscription.id}/upcoming_invoice`, signal);
    } catch {
      return undefined;
    }
  }
  const overview = createResource<PortalOverview>(async (signal) => {
    const [customer, subscriptions, config, methods] = await Promise.all([
      client.get<PortalCustomer>('/customer', signal),
      client.get<ListWire<PortalSubscription>>('/subscriptions?limit=100', signal),
      client.get<PortalConfig>('/config', signal),
      client.get<ListWire<PortalPaymentMethod>>('/payment_methods', signal),
    ]);
    const productNames: Record<string, string> = {};
    let pricing: PricingResponse | undefined;
    const target = catalog();
    if (target) {
      // Names of products outside any plan group (add-ons, metered prices) and seat limits.
      // Add-ons and usage prices are off the default table: ask for the customer's own products.
      const held = [...new Set([...subscriptions.data.flatMap((sub) => sub.items.data.map((item) => item.price.product)), ...config.features.subscription_update.products.map((p) => p.product)])];
      const query = { currency: subscriptions.data[0]?.currency.toUpperCase(), products: held.length > 0 ? held.slice(0, 50).join(',') : undefined };
      try {
        pricing = await apiGet<PricingResponse>(target, '/v1/pricing', query, signal).catch(() => apiGet<PricingResponse>(target, '/v1/pricing', { currency: query.currency }, signal));
        for (const product of pricing.products) productNames[product.id] = product.name;
      } catch {
        // A nicety here: the plans and amounts come from the portal itself.
      }
    }
    for (const plan of config.features.subscription_update.products) productNames[plan.product] = plan.name;
    const upcoming = Object.fromEntries(await Promise.all(subscriptions.data.map(async (s) => [s.id, await upcomingOf(s, signal)] as const)));
    return { customer, subscriptions: subscriptions.data, config, paymentMethods: methods.data, productNames, pricing, upcoming };
  });
  const invoices = createResource<PortalInvoice[]>(async (signal) => (await client.get<ListWire<PortalInvoice>>('/invoices?limit=100', signal)).data);
  const usage = new Map<string, ReturnType<typeof createResource<SubscriptionUsage>>>();
  const $ui = atom<PortalUi>({ tab: 'overview', flow: undefined, notice: '', actionError: undefined, busy: false, addingCard: false, missing: new Set(), scheduled: {} });

  const patch = (next: Partial<PortalUi>) => $ui.set({ ...$ui.get(), ...next });
  const setFlow = (flow: FlowStep | undefined) => patch({ flow, actionError: undefined });
  const sub = (id: string) => overview.$state.get().data?.subscriptions.find((s) => s.id === id);

  /** Puts an answered subscription in place, so the overview shows the server's state. */
  function replaceSubscription(updated: PortalSubscription): void {
    const data = overview.$state.get().data;
    if (!data) return;
    overview.set({ ...data, subscriptions: data.subscriptions.map((s) => (s.id === updated.id ? updated : s)), upcoming: { ...data.upcoming, [updated.id]: undefined } });
    // The change may move the next invoice (a scheduled downgrade, new seats): ask again.
    void upcomingOf(updated).then((next) => {
      const current = overview.$state.get().data;
      if (current) overview.set({ ...current, upcoming: { ...current.upcoming, [updated.id]: next } });
    });
  }

  /** A route the server doesn't have is a capability it lacks: hide it, don't fake it. */
  function noteMissing(route: string, error: AbonaApiError): boolean {
    if (error.status !== 404 || error.code !== 'url_invalid') return false;
    patch({ missing: new Set([...$ui.get().missing, route]) });
    return true;
  }

  /** Runs an action: one at a time, its error kept for the view, its notice announced. */
  async function act<T>(route: string, run: () => Promise<T>, notice?: (result: T) => string): Promise<T | undefined> {
    if ($ui.get().busy) return undefined;
    patch({ busy: true, actionError: undefined, notice: '' });
    try {
      const result = await run();
      patch({ busy: false, notice: notice?.(result) ?? '' });
      return result;
    } catch (cause) {
      const error = toApiError(cause);
      noteMissing(route, error);
      patch({ busy: false, actionError: error });
      return undefined;
    }
  }

  return {
    overview,
    invoices,
    $ui,
    client,
    patch,
    setFlow,
    sub,
    act,
    replaceSubscription,
    noteMissing,

    usageOf(subscriptionId: string) {
      let resource = usage.get(subscriptionId);
      if (!resource) {
        resource = createResource<SubscriptionUsage>((signal) => client.get<SubscriptionUsage>(`/subscriptions/${subscriptionId}/usage`, signal));
        usage.set(subscriptionId, resource);
      }
      return resource;
    },

    /** Opens a tab (and loads what it shows). */
    openTab(tab: PortalTab): void {
      patch({ tab, flow: undefined, actionError: undefined, addingCard: false });
      if (tab === 'invoices') void invoices.load();
      if (tab === 'payment-methods') void this.probePaymentMethodRoutes();
    },

    /** Opens where the session or the `flow` attribute asks, once the overview is in. */
    openFlow(flow: PortalFlow | null | undefined): void {
      const data = overview.$state.get().data;
      const first = data?.subscriptions.find((s) => s.status !== 'canceled' && s.status !== 'incomplete_expired');
      if (flow === 'update-payment-method') this.openTab('payment-methods');
      else if (flow === 'change-plan' && first) setFlow({ kind: 'plans', sub: first.id });
      else if (flow === 'cancel' && first) setFlow({ kind: 'cancel', sub: first.id, stage: 'reason', comment: '' });
    },

    /** Asks the server for the exact lines of a change, then shows the review step. */
    async review(subscriptionId: string, items: ItemsChange, back: 'plans' | 'seats'): Promise<void> {
      setFlow({ kind: 'review', sub: subscriptionId, items, back, busy: true });
      try {
        const preview = await client.post<ChangePreview>(`/subscriptions/${subscriptionId}/preview_change`, { items });
        setFlow({ kind: 'review', sub: subscriptionId, items, back, preview });
      } catch (cause) {
        const error = toApiError(cause);
        noteMissing('change', error);
        setFlow({ kind: 'review', sub: subscriptionId, items, back, error });
      }
    },

    /** Confirms a reviewed change; a card that needs 3-D Secure opens the challenge. */
    async change(subscriptionId: string, items: ItemsChange): Promise<ChangeResult | undefined> {
      const current = sub(subscriptionId);
      const body: Record<string, unknown> = { items };
      if (current?.version !== undefined) body['expected_version'] = current.version;
      return act('change', () => client.post<ChangeResult>(`/subscriptions/${subscriptionId}/change`, body));
    },

    async completeChange(subscriptionId: string, actionId: string, outcome: 'complete' | 'fail'): Promise<ChangeResult | undefined> {
      return act('change', () => client.post<ChangeResult>(`/subscriptions/${subscriptionId}/complete_change`, { action_id: actionId, outcome }));
    },

    /** A lifecycle action that answers with the subscription (cancel, uncancel, pause, resume, offer). */
    async subscriptionAction(subscriptionId: string, action: string, body: object = {}): Promise<PortalSubscription | undefined> {
      const updated = await act(action, () => client.post<PortalSubscription | { subscription: PortalSubscription }>(`/subscriptions/${subscriptionId}/${action}`, body));
      if (!updated) return undefined;
      const subscription = 'subscription' in updated && typeof updated.subscription === 'object' ? updated.subscription : (updated as PortalSubscription);
      replaceSubscription(subscription);
      return subscription;
    },

    /** Keeps the current plan: drops a change scheduled for the period end. */
    async unschedule(subscriptionId: string): Promise<PortalSubscription | undefined> {
      const updated = await act('cancel_scheduled_change', () => client.del<PortalSubscription>(`/subscriptions/${subscriptionId}/scheduled_change`));
      if (!updated) return undefined;
      replaceSubscription(updated);
      const { [subscriptionId]: _dropped, ...rest } = $ui.get().scheduled;
      patch({ scheduled: rest });
      return updated;
    },

    /**
     * Whether this server takes payment-method changes from the portal: a POST without a body is
     * a 400 where the route exists and a 404 `url_invalid` where it doesn't; nothing changes.
     */
    async probePaymentMethodRoutes(): Promise<void> {
      if ($ui.get().missing.has('pm_probing')) return;
      patch({ missing: new Set([...$ui.get().missing, 'pm_probing']) });
      let missing: string[] = [];
      try {
        await client.post('/payment_methods', {});
      } catch (cause) {
        const error = toApiError(cause);
        if (error.status === 404 && error.code === 'url_invalid') missing = ['pm_add', 'pm_default', 'pm_remove'];
      }
      // Until the answer is in, the buttons stay hidden ('pm_checked' absent).
      patch({ missing: new Set([...$ui.get().missing, ...missing, 'pm_checked']) });
    },

    async updateCustomer(params: object): Promise<PortalCustomer | undefined> {
      const customer = await act('customer', () => client.post<PortalCustomer>('/customer', params));
      const data = overview.$state.get().data;
      if (customer && data) overview.set({ ...data, customer });
      return customer;
    },

    /** Pays an open invoice on-session with a method of the customer's (or their default). */
    async payInvoice(invoiceId: string, method: string | undefined): Promise<InvoicePayment | undefined> {
      return act('pay', () => client.post<InvoicePayment>(`/invoices/${invoiceId}/pay`, method ? { payment_method: method } : {}));
    },

    /** Finishes the 3-D Secure challenge of a "Pay now". */
    async completePayment(invoiceId: string, actionId: string, outcome: 'complete' | 'fail'): Promise<InvoicePayment | undefined> {
      return act('pay', () => client.post<InvoicePayment>(`/invoices/${invoiceId}/complete_payment`, { action_id: actionId, outcome }));
    },

    /** The invoice's PDF, fetched with the bearer token (never put in a URL). */
    invoicePdf(invoiceId: string): Promise<Blob> {
      return client.blob(`/invoices/${invoiceId}/pdf`);
    },

    /** Reloads payment methods (and the customer's default) after a change to them. */
    async refreshPaymentMethods(): Promise<void> {
      const data = overview.$state.get().data;
      if (!data) return;
      const [methods, customer] = await Promise.all([client.get<ListWire<PortalPaymentMethod>>('/payment_methods'), client.get<PortalCustomer>('/customer')]);
      overview.set({ ...data, paymentMethods: methods.data, customer });
    },
  };
}

/** One element's portal state and actions. */
export type PortalStore = ReturnType<typeof createPortalStore>;
