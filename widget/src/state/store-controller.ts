import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';

/**
 * Re-renders a Lit element whenever a nanostores store changes, subscribed only while the
 * element is connected. A local stand-in for `@nanostores/lit`, which ships CommonJS only and
 * cannot load as native ESM.
 */
export class StoreController<T> implements ReactiveController {
  private unsubscribe: (() => void) | undefined;
  private readonly host: ReactiveControllerHost;
  private readonly store: ReadableAtom<T>;

  constructor(host: ReactiveControllerHost, store: ReadableAtom<T>) {
    this.host = host;
    this.store = store;
    host.addController(this);
  }

  hostConnected(): void {
    // `listen` skips the immediate call that `subscribe` makes: the first render reads `value`.
    this.unsubscribe = this.store.listen(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** The store's current value. */
  get value(): T {
    return this.store.get();
  }
}
