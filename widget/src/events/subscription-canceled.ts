/** Detail of the `abona-subscription-canceled` event. */
export interface SubscriptionCanceledDetail {
  subscriptionId: string;
  /** True when access continues until the period ends. */
  atPeriodEnd: boolean;
  /** ISO-8601 instant the subscription ends. */
  endsAt: string;
  reason?: string;
}

/**
 * Fired after the customer canceled a subscription in the portal.
 * Bubbles and crosses shadow roots (`composed`).
 */
export class AbonaSubscriptionCanceledEvent extends CustomEvent<SubscriptionCanceledDetail> {
  static readonly eventName = 'abona-subscription-canceled';

  constructor(detail: SubscriptionCanceledDetail) {
    super('abona-subscription-canceled', { detail, bubbles: true, composed: true, cancelable: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'abona-subscription-canceled': AbonaSubscriptionCanceledEvent;
  }
}
