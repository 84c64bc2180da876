import { CoreError } from '../errors/index.js';
import type { SubscriptionEvent } from './transitions.js';
import type { SubscriptionStatus } from './types.js';

/**
 * An event that the subscription's status does not allow (cancel a canceled subscription), or
 * an allowed one whose precondition does not hold (uncancel after the period ended).
 * Maps to a 409/400 at the edge; `from` and `event` say exactly what was refused.
 */
export class InvalidTransitionError extends CoreError {
  readonly from: SubscriptionStatus;
  readonly event: SubscriptionEvent;

  constructor(from: SubscriptionStatus, event: SubscriptionEvent, reason?: string) {
    super('invalid_transition', `Cannot apply "${event}" to a ${from} subscription${reason ? `: ${reason}` : ''}`);
    this.name = 'InvalidTransitionError';
    this.from = from;
    this.event = event;
  }
}
