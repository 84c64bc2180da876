/** Detail of the `abona-plan-selected` event. */
export interface PlanSelectedDetail {
  productId: string;
  /** The price the card showed for the chosen interval and currency. */
  priceId: string;
  /** Seats or units chosen on the card. */
  quantity: number;
  currency: string;
  interval: string;
  /** What the element does next when the event is not canceled. */
  ctaMode: 'event' | 'checkout-inline' | 'checkout-dialog';
  /** True when the card offers a free trial. */
  trial: boolean;
}

/**
 * Fired when the customer chooses a plan's call to action. Cancelable: `preventDefault()` stops
 * the element from going on to checkout, so the page can take over (e.g. ask to sign up first).
 * Bubbles and crosses shadow roots (`composed`).
 */
export class AbonaPlanSelectedEvent extends CustomEvent<PlanSelectedDetail> {
  static readonly eventName = 'abona-plan-selected';

  constructor(detail: PlanSelectedDetail) {
    super('abona-plan-selected', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'abona-plan-selected': AbonaPlanSelectedEvent;
  }
}
