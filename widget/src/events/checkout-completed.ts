/** Detail of the `abona-checkout-completed` event. */
export interface CheckoutCompletedDetail {
  checkoutSessionId: string;
  customerId: string;
  subscriptionId?: string;
  /** `pending` for bank transfers that settle later. */
  status: 'complete' | 'pending';
  /** Amount paid today in minor units of `currency` (0 for trials). */
  amountPaidMinor: number;
  currency: string;
}

/**
 * Fired exactly once when a checkout succeeds (paid, trial started, or bank transfer pending).
 * Bubbles and crosses shadow roots (`composed`).
 */
export class AbonaCheckoutCompletedEvent extends CustomEvent<CheckoutCompletedDetail> {
  static readonly eventName = 'abona-checkout-completed';

  constructor(detail: CheckoutCompletedDetail) {
    super('abona-checkout-completed', { detail, bubbles: true, composed: true, cancelable: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'abona-checkout-completed': AbonaCheckoutCompletedEvent;
  }
}
