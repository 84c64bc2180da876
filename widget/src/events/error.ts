/** Detail of the `abona-error` event. */
export interface ErrorDetail {
  element: string;
  /** `configuration` errors need the site owner; the others may pass on retry. */
  kind: 'configuration' | 'network' | 'api' | 'invalid_response';
  code: string;
  message: string;
  status?: number;
}

/**
 * Fired when an element hits an error it shows to the customer (network, server, configuration).
 * Bubbles and crosses shadow roots (`composed`).
 */
export class AbonaErrorEvent extends CustomEvent<ErrorDetail> {
  static readonly eventName = 'abona-error';

  constructor(detail: ErrorDetail) {
    super('abona-error', { detail, bubbles: true, composed: true, cancelable: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'abona-error': AbonaErrorEvent;
  }
}
