export { InvalidTransitionError } from './errors.js';
export { assertItems, itemsCurrency, itemsInterval, sameInterval } from './items.js';
export {
  advancePeriod,
  applyScheduledChange,
  cancelAtPeriodEnd,
  cancelNow,
  clearScheduledChange,
  pause,
  resume,
  scheduleChange,
  uncancel,
} from './operations.js';
export { transition, type TransitionOptions } from './transition.js';
export {
  allowedEvents,
  defaultLifecyclePolicy,
  nextStatus,
  subscriptionEvents,
  subscriptionTransitions,
  type LifecyclePolicy,
  type RetriesExhaustedPolicy,
  type SubscriptionEvent,
  type TransitionTable,
  type TransitionTarget,
  type TrialEndWithoutPaymentMethodPolicy,
} from './transitions.js';
export {
  subscriptionStatuses,
  type Cancellation,
  type CancellationFeedback,
  type CancellationReason,
  type PauseCollection,
  type ScheduledChange,
  type Subscription,
  type SubscriptionItem,
  type SubscriptionStatus,
} from './types.js';
export { nextCycle, type NextCycle } from './renewal.js';
