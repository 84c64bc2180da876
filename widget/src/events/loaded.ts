/** Detail of the `abona-loaded` event. */
export interface LoadedDetail {
  /** The tag of the element that loaded, e.g. `abona-pricing-table`. */
  element: string;
}

/**
 * Fired once when an element has loaded its data and shows real content for the first time.
 * Bubbles and crosses shadow roots (`composed`).
 */
export class AbonaLoadedEvent extends CustomEvent<LoadedDetail> {
  static readonly eventName = 'abona-loaded';

  constructor(detail: LoadedDetail) {
    super('abona-loaded', { detail, bubbles: true, composed: true, cancelable: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'abona-loaded': AbonaLoadedEvent;
  }
}
