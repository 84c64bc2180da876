/** Detail of the `abona-subscription-changed` event. */
export interface SubscriptionChangedDetail {
  subscriptionId: string;
  change: 'plan' | 'quantity' | 'pause' | 'resume' | 'undo_cancel' | 'undo_scheduled_change';
  fromPriceId?: string;
  toPriceId?: string;
  quantity?: number;
  /** When the change takes effect: now, or at the end of the current period. */
  effective: 'now' | 'period_end';
}

/**
 * Fired after the portal changed a subscription: plan, seats, pause or resume.
 * Bubbles and crosses shadow roots (`composed`).
 */
export class AbonaSubscriptionChangedEvent extends CustomEvent<SubscriptionChangedDetail> {
  static readonly eventName = 'abona-subscription-changed';

  constructor(detail: SubscriptionChangedDetail) {
    super('abona-subscription-changed', { detail, bubbles: true, composed: true, cancelable: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'abona-subscription-changed': AbonaSubscriptionChangedEvent;
  }
}
