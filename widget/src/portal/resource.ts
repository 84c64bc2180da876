import { atom, type ReadableAtom } from 'nanostores';
import { AbonaApiError } from '../api/api-error.js';

/** One request's state: what the view shows while loading, after an error, and with data. */
export interface ResourceState<T> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  data: T | undefined;
  error: AbonaApiError | undefined;
}

/** A loadable piece of the portal (overview, invoices, usage…), retried by calling `load` again. */
export interface Resource<T> {
  $state: ReadableAtom<ResourceState<T>>;
  /** Loads unless already loaded or loading; `force` reloads and keeps old data on screen meanwhile. */
  load(force?: boolean): Promise<void>;
  /**
   * Replaces the data after an action answered with the new object. A load still in flight
   * may have been answered before that action, so it is started again rather than let it
   * overwrite the newer data.
   */
  set(data: T): void;
  /**
   * Aborts a load in flight (the element left the page); true when one was interrupted. A first
   * load cut short goes back to idle, so the next `load()` sends it again.
   */
  abort(): boolean;
}

/** Wraps a fetcher in a store; a newer load or `set` wins over an older load still in flight. */
export function createResource<T>(fetcher: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const $state = atom<ResourceState<T>>({ status: 'idle', data: undefined, error: undefined });
  let controller: AbortController | undefined;
  let inFlight = false;
  const load = async (force = false): Promise<void> => {
    const previous = $state.get();
    if (!force && previous.status !== 'idle' && previous.status !== 'error') return;
    controller?.abort();
    const current = (controller = new AbortController());
    inFlight = true;
    $state.set({
      status: previous.data === undefined ? 'loading' : 'ready',
      data: previous.data,
      error: undefined,
    });
    try {
      const data = await fetcher(current.signal);
      if (controller === current) $state.set({ status: 'ready', data, error: undefined });
    } catch (cause) {
      if (current.signal.aborted) return;
      $state.set({ status: 'error', data: previous.data, error: toApiError(cause) });
    } finally {
      if (controller === current) inFlight = false;
    }
  };
  return {
    $state,
    load,
    set(data) {
      $state.set({ status: 'ready', data, error: undefined });
      if (inFlight) void load(true);
    },
    abort() {
      if (!inFlight || !controller) return false;
      controller.abort();
      controller = undefined;
      inFlight = false;
      const state = $state.get();
      if (state.status === 'loading') $state.set({ ...state, status: 'idle' });
      return true;
    },
  };
}

/** Any failure as the error type the views explain. */
export function toApiError(cause: unknown): AbonaApiError {
  return cause instanceof AbonaApiError
    ? cause
    : new AbonaApiError('invalid_response', 'invalid_response', String(cause));
}
