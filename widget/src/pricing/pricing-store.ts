import { atom, type ReadableAtom } from 'nanostores';
import { AbonaApiError } from '../api/api-error.js';
import { apiUrl, type Query } from '../api/api-url.js';
import type { ApiTarget } from '../api/request.js';
import { extras } from './lazy-parts.js';
import type { PricingQuery, PricingResponse } from './pricing-response.js';

/** Everything the pricing table renders from: data, and whether it is loading or failed. */
export interface PricingState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  data: PricingResponse | undefined;
  error: AbonaApiError | undefined;
  /** True while new amounts are on their way but older ones are still shown (seat changes, currency). */
  refreshing: boolean;
}

/** A pricing store for one element: its state, and the way to (re)load it. */
export interface PricingStore {
  $state: ReadableAtom<PricingState>;
  /** Loads pricing; a newer call aborts an older one still in flight, so late answers never win. */
  load(target: ApiTarget, query: PricingQuery): Promise<void>;
  /** Aborts a load in flight (the element left the page); true when one was interrupted. */
  abort(): boolean;
}

const initial: PricingState = { status: 'idle', data: undefined, error: undefined, refreshing: false };

/**
 * Creates a store that fetches `GET /v1/pricing`. Keeps the last good data on screen while a
 * refresh runs and replaces it only with a complete newer answer.
 */
export function createPricingStore(): PricingStore {
  const $state = atom<PricingState>(initial);
  let controller: AbortController | undefined;

  async function load(target: ApiTarget, query: PricingQuery): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    const previous = $state.get();
    const hasData = previous.data !== undefined && previous.status !== 'error';
    $state.set({ ...previous, status: hasData ? 'ready' : 'loading', error: undefined, refreshing: hasData });
    try {
      // Checked here rather than by apiGet: the messages naming the setting to fix travel with the
      // extras chunk, which the error panel needs anyway. A secret key is never sent.
      if (target.keyKind !== 'publishable') throw await keyProblem(target);
      const url = apiUrl(target.apiBase, '/v1/pricing', toQuery(query));
      // The same request as api/fetch-json.ts sends, but only a good answer is read here: why
      // anything else failed is worked out by the extras chunk, which the error panel needs anyway.
      const response = await fetch(url, { headers: { Authorization: `Bearer ${target.publishableKey}`, Accept: 'application/json' }, credentials: 'omit', signal: current.signal }).catch(() => undefined);
      const data = (await response?.json().catch(() => undefined)) as PricingResponse | undefined;
      if (current.signal.aborted) return;
      if (!response?.ok || data?.object !== 'pricing' || !Array.isArray(data.products)) throw await loadFailure(url, response, data);
      $state.set({ status: 'ready', data, error: undefined, refreshing: false });
    } catch (cause) {
      if (current.signal.aborted) return;
      const error = cause instanceof AbonaApiError ? cause : new AbonaApiError('invalid_response', 'invalid_response', String(cause));
      $state.set({ status: 'error', data: previous.data, error, refreshing: false });
    } finally {
      if (controller === current) controller = undefined;
    }
  }

  function abort(): boolean {
    if (!controller) return false;
    controller.abort();
    controller = undefined;
    return true;
  }

  return { $state, load, abort };
}

/** The configuration error for a key that is not a publishable one, from the extras chunk (or plainer if it cannot load). */
async function keyProblem(target: ApiTarget): Promise<AbonaApiError> {
  const module = await extras.load();
  return (
    module?.keyError(target) ??
    new AbonaApiError('configuration', 'invalid_publishable_key', `Abona: the key set by ${target.keySource} is not a publishable key (pk_test_… or pk_live_…).`, { param: 'publishable-key' })
  );
}

/**
 * Why a load gave no pricing, from the extras chunk (load-failure.ts), or, if that chunk cannot
 * load either, the bare facts: no answer, or the HTTP status.
 */
async function loadFailure(url: URL, response: Response | undefined, body: unknown): Promise<AbonaApiError> {
  const module = await extras.load();
  return (
    module?.loadFailure(url, response, body) ??
    new AbonaApiError(response ? 'api' : 'network', response ? `http_${response.status}` : 'network_error', `GET ${url.href} failed.`, { status: response?.status })
  );
}

function toQuery(query: PricingQuery): Query {
  const out: Query = { currency: query.currency, country: query.country, interval: query.interval };
  for (const [priceId, quantity] of Object.entries(query.quantity ?? {})) out[`quantity[${priceId}]`] = quantity;
  return out;
}
