import { atom, type ReadableAtom } from 'nanostores';
import { AbonaApiError } from '../api/api-error.js';
import { apiGet, apiPost, type ApiTarget } from '../api/request.js';
import type { PricingResponse } from '../pricing/pricing-response.js';
import type { CheckoutSession, CustomerDetailsParams, PaymentMethodParam } from './checkout-session.js';

/** Where the checkout is: loading the session, filling the form, paying, or done. */
export type CheckoutStatus = 'idle' | 'loading' | 'error' | 'ready' | 'processing' | 'requires_action' | 'pending' | 'complete';

/** A price of the session as the pricing endpoint names it, for the summary and the success copy. */
export interface PriceInfo {
  product: string;
  interval: string;
  intervalCount: number;
  trialDays: number;
}

/** A field the server rejected, keyed by the form field to mark. */
export type FieldErrors = Partial<Record<'promotion_code' | 'tax_id' | 'card', string>>;

/** A payment that did not go through, by the gateway's decline code. */
export interface Decline {
  code: string;
  declineCode: string | undefined;
  message: string;
}

/** Everything `<abona-checkout>` renders from. */
export interface CheckoutState {
  status: CheckoutStatus;
  session: CheckoutSession | undefined;
  prices: Record<string, PriceInfo>;
  /** A failure that is not about one field: loading, or a request that could not be sent. */
  error: AbonaApiError | undefined;
  /** True while a session update (country, tax id, code) is on its way; totals may change. */
  updating: boolean;
  fieldErrors: FieldErrors;
  decline: Decline | undefined;
}

/** The session's inputs as create/update take them. */
export interface SessionParams {
  line_items?: { price: string; quantity: number }[];
  currency?: string;
  email?: string;
  customer_details?: CustomerDetailsParams;
  promotion_code?: string | null;
  success_url?: string;
  locale?: string;
}

/** One checkout's store and the calls that change it. */
export interface CheckoutStore {
  $checkout: ReadableAtom<CheckoutState>;
  /** Creates the session (and reads the price names); a newer call wins over an older one. */
  start(target: ApiTarget, params: SessionParams): Promise<void>;
  /**
   * Sends changed inputs; the server answers with recomputed totals. Calls run one at a time.
   * Resolves to the field the server rejected in this very call, if any (the rest still applied).
   */
  update(params: SessionParams): Promise<keyof FieldErrors | undefined>;
  /**
   * Pays: sends `details` first when given (the form's last changes), waits for pending updates,
   * then confirms once with an Idempotency-Key of its own. Ignored unless the checkout is ready,
   * so a second click while paying does nothing.
   */
  confirm(paymentMethod: () => Promise<PaymentMethodParam>, details?: SessionParams): Promise<void>;
  /** Answers the 3-D Secure challenge. */
  completeAction(outcome: 'complete' | 'fail'): Promise<void>;
  /** Forgets a decline or field error once the customer acts on it. */
  clearFieldError(field: keyof FieldErrors): void;
  /**
   * Aborts a `start` still loading (the element left the page) and goes back to idle; true when
   * one was interrupted, so the element starts again if it comes back. Payments are not aborted:
   * their answer must not be lost.
   */
  stop(): boolean;
}

const initial: CheckoutState = { status: 'idle', session: undefined, prices: {}, error: undefined, updating: false, fieldErrors: {}, decline: undefined };

/** The form field a 400's `param` is about, when the server rejected one field the customer typed. */
function fieldOf(error: unknown): keyof FieldErrors | undefined {
  if (!(error instanceof AbonaApiError) || error.status !== 400) return undefined;
  const param = error.param ?? '';
  if (param === 'promotion_code') return 'promotion_code';
  if (param.startsWith('customer_details[tax_id]')) return 'tax_id';
  if (param.startsWith('payment_method[card]') || param.startsWith('card')) return 'card';
  return undefined;
}

/** The params without the part the server rejected, so the rest (a new country) still applies. */
function without(params: SessionParams, field: keyof FieldErrors): SessionParams {
  if (field === 'promotion_code') return { ...params, promotion_code: null };
  return { ...params, customer_details: { ...params.customer_details, tax_id: null } };
}

function asApiError(cause: unknown): AbonaApiError {
  return cause instanceof AbonaApiError ? cause : new AbonaApiError('invalid_response', 'invalid_response', String(cause));
}

/** A fresh key per confirmation attempt: a retried request is answered, not charged, twice. */
function idempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Creates the store behind one `<abona-checkout>`: the session's lifecycle against
 * `/v1/checkout_sessions` (create → update… → confirm → 3-D Secure), with declines and rejected
 * fields kept apart from failures of the page or the network.
 */
export function createCheckoutStore(): CheckoutStore {
  const $checkout = atom<CheckoutState>(initial);
  let target: ApiTarget | undefined;
  let generation = 0;
  /** The `start` in flight, aborted by `stop` or a newer `start`. */
  let loading: AbortController | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const patch = (next: Partial<CheckoutState>) => $checkout.set({ ...$checkout.get(), ...next });
  const path = (suffix = '') => `/v1/checkout_sessions/${$checkout.get().session?.id ?? ''}${suffix}`;

  /** Creates or updates, dropping one rejected field (marked on the form) and trying again once. */
  async function send(
    call: (params: SessionParams) => Promise<CheckoutSession>,
    params: SessionParams,
  ): Promise<{ session: CheckoutSession; rejected?: keyof FieldErrors }> {
    try {
      const session = await call(params);
      const fieldErrors = { ...$checkout.get().fieldErrors };
      if (params.promotion_code !== undefined) delete fieldErrors.promotion_code;
      if (params.customer_details?.tax_id) delete fieldErrors.tax_id;
      patch({ fieldErrors });
      return { session };
    } catch (cause) {
      const field = fieldOf(cause);
      if (field !== 'promotion_code' && field !== 'tax_id') throw cause;
      patch({ fieldErrors: { ...$checkout.get().fieldErrors, [field]: asApiError(cause).code } });
      return { session: await call(without(params, field)), rejected: field };
    }
  }

  async function pricesOf(at: ApiTarget, params: SessionParams, signal: AbortSignal): Promise<Record<string, PriceInfo>> {
    const query = { currency: params.currency, country: params.customer_details?.address?.country };
    const pricing = await apiGet<PricingResponse>(at, '/v1/pricing', query, signal).catch(() => undefined);
    const prices: Record<string, PriceInfo> = {};
    for (const product of pricing?.products ?? []) {
      for (const price of product.prices) {
        prices[price.id] = { product: product.name, interval: price.interval, intervalCount: price.interval_count, trialDays: price.trial_days ?? 0 };
      }
    }
    return prices;
  }

  function update(params: SessionParams): Promise<keyof FieldErrors | undefined> {
    const run = async () => {
      const at = target;
      if (!at || !$checkout.get().session || $checkout.get().status === 'complete') return undefined;
      patch({ updating: true });
      try {
        const { session, rejected } = await send((p) => apiPost<CheckoutSession>(at, path(), p), params);
        patch({ session, error: undefined });
        return rejected;
      } catch (cause) {
        patch({ error: asApiError(cause) });
        return undefined;
      } finally {
        patch({ updating: false });
      }
    };
    const next = queue.then(run);
    queue = next;
    return next;
  }

  return {
    $checkout,
    update,

    async start(at, params) {
      target = at;
      const mine = ++generation;
      loading?.abort();
      const controller = (loading = new AbortController());
      const signal = controller.signal;
      $checkout.set({ ...initial, status: 'loading' });
      try {
        const create = (p: SessionParams) => apiPost<CheckoutSession>(at, '/v1/checkout_sessions', p, { signal });
        // Names and intervals are only for display: the pricing read may fail without failing checkout.
        const [{ session }, prices] = await Promise.all([send(create, params), pricesOf(at, params, signal)]);
        if (mine !== generation) return;
        patch({ status: session.status === 'complete' ? 'complete' : 'ready', session, prices });
      } catch (cause) {
        if (mine === generation && !signal.aborted) patch({ status: 'error', error: asApiError(cause) });
      } finally {
        if (loading === controller) loading = undefined;
      }
    },

    stop() {
      if (!loading) return false;
      loading.abort();
      loading = undefined;
      generation++;
      $checkout.set(initial);
      return true;
    },

    async confirm(paymentMethod, details) {
      const at = target;
      const state = $checkout.get();
      if (!at || !state.session || state.status !== 'ready') return;
      patch({ status: 'processing', decline: undefined, error: undefined });
      const rejected = details ? await update(details) : await queue.then(() => undefined);
      // A tax id the server just rejected must be fixed or removed before paying.
      if (rejected === 'tax_id') {
        patch({ status: 'ready' });
        return;
      }
      try {
        const method = await paymentMethod();
        const session = await apiPost<CheckoutSession>(at, path('/confirm'), { payment_method: method }, { idempotencyKey: idempotencyKey() });
        settle(session);
      } catch (cause) {
        fail(cause);
      }
    },

    async completeAction(outcome) {
      const at = target;
      const action = $checkout.get().session?.next_action;
      if (!at || !action) return;
      patch({ status: 'processing' });
      try {
        settle(await apiPost<CheckoutSession>(at, path('/complete_action'), { action_id: action.action_id, outcome }, { idempotencyKey: idempotencyKey() }));
      } catch (cause) {
        fail(cause);
      }
    },

    clearFieldError(field) {
      const fieldErrors = { ...$checkout.get().fieldErrors };
      delete fieldErrors[field];
      patch({ fieldErrors, decline: undefined });
    },
  };

  function settle(session: CheckoutSession): void {
    const status: CheckoutStatus =
      session.status === 'complete' ? 'complete' : session.payment_status === 'requires_action' ? 'requires_action' : session.payment_status === 'processing' ? 'pending' : 'ready';
    patch({ session, status });
  }

  function fail(cause: unknown): void {
    const error = asApiError(cause);
    const field = fieldOf(error);
    if (error.status === 402) {
      const session = $checkout.get().session;
      patch({ status: 'ready', decline: { code: error.code, declineCode: error.declineCode, message: error.message }, ...(session ? { session: { ...session, next_action: null } } : {}) });
    } else if (field) {
      patch({ status: 'ready', fieldErrors: { ...$checkout.get().fieldErrors, [field]: error.code } });
    } else {
      patch({ status: 'ready', decline: { code: error.code, declineCode: error.retryable ? 'processing_error' : undefined, message: error.message } });
    }
  }
}
