/** Detail of the `abona-before-checkout` event. */
export interface BeforeCheckoutDetail {
  priceId: string;
  quantity: number;
  currency: string;
  email: string;
}

/**
 * Fired just before a checkout is submitted. Cancelable: `preventDefault()` stops the payment,
 * e.g. while the page validates its own fields.
 * Bubbles and crosses shadow roots (`composed`).
 */
export class AbonaBeforeCheckoutEvent extends CustomEvent<BeforeCheckoutDetail> {
  static readonly eventName = 'abona-before-checkout';

  constructor(detail: BeforeCheckoutDetail) {
    super('abona-before-checkout', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'abona-before-checkout': AbonaBeforeCheckoutEvent;
  }
}
