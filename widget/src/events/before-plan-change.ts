/** Detail of the `abona-before-plan-change` event. */
export interface BeforePlanChangeDetail {
  subscriptionId: string;
  fromPriceId: string;
  toPriceId: string;
  quantity: number;
}

/**
 * Fired before the portal confirms a plan or seat change. Cancelable: `preventDefault()` vetoes it.
 * Bubbles and crosses shadow roots (`composed`).
 */
export class AbonaBeforePlanChangeEvent extends CustomEvent<BeforePlanChangeDetail> {
  static readonly eventName = 'abona-before-plan-change';

  constructor(detail: BeforePlanChangeDetail) {
    super('abona-before-plan-change', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'abona-before-plan-change': AbonaBeforePlanChangeEvent;
  }
}
