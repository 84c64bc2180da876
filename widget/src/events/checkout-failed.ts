/** Detail of the `abona-checkout-failed` event. */
export interface CheckoutFailedDetail {
  checkoutSessionId?: string;
  /** Machine-readable reason, e.g. `card_declined`, `authentication_failed`. */
  code: string;
  /** Decline code from the gateway when it gave one, e.g. `insufficient_funds`. */
  declineCode?: string;
  message: string;
}

/**
 * Fired when a payment attempt fails (decline, 3-D Secure failure, processing error). The form
 * stays usable so the customer can try again.
 * Bubbles and crosses shadow roots (`composed`).
 */
export class AbonaCheckoutFailedEvent extends CustomEvent<CheckoutFailedDetail> {
  static readonly eventName = 'abona-checkout-failed';

  constructor(detail: CheckoutFailedDetail) {
    super('abona-checkout-failed', { detail, bubbles: true, composed: true, cancelable: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'abona-checkout-failed': AbonaCheckoutFailedEvent;
  }
}
