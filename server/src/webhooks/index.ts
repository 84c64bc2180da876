export { nextAttemptAfterFailure, RETRY_DELAYS_MS, RETRY_WINDOW_MS } from './backoff.js';
export { deliverDue, DELIVERY_TIMEOUT_MS, type DeliverOptions, type DeliveryOutcome } from './deliver.js';
export { dispatchEvents, type DispatchOptions } from './dispatch.js';
export { endpointWants } from './matching.js';
export { toDelivery, toEvent, type DeliveryRow, type EventRow } from './serialize.js';
export { startWebhookWorker, type TickReport, type WebhookWorker, type WebhookWorkerOptions } from './worker.js';
