import { atom, type ReadableAtom } from 'nanostores';
import { AbonaApiError } from '../api/api-error.js';
import { apiGet, type ApiTarget } from '../api/request.js';
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
      const data = await apiGet<PricingResponse>(target, '/v1/pricing', toQuery(query), current.signal);
      if (data.object !== 'pricing' || !Array.isArray(data.products)) {
        throw new AbonaApiError('invalid_response', 'invalid_response', 'The pricing response does not match the contract.');
      }
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

function toQuery(query: PricingQuery): Record<string, string | number | undefined> {
  const out: Record<string, string | number | undefined> = { currency: query.currency, country: query.country, interval: query.interval };
  for (const [priceId, quantity] of Object.entries(query.quantity ?? {})) out[`quantity[${priceId}]`] = quantity;
  return out;
}
