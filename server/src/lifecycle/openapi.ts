import {
  EmptyParams,
  SubscriptionCancelParams,
  SubscriptionChangeParams,
  SubscriptionCompleteChangeParams,
  SubscriptionPauseParams,
  SubscriptionPreviewChangeParams,
  UsageEventsParams,
} from '@abona/api';
import type { RouteAuth, RouteSpec } from '../openapi/registry.js';

const tag = 'Subscription lifecycle';

function twins(base: string, auth: RouteAuth, change: string): RouteSpec[] {
  return [
    { method: 'POST', path: change, summary: 'Change the items (payment first when the change is invoiced now; 409 on a stale version)', tag, auth, body: SubscriptionChangeParams },
    { method: 'POST', path: `${base}/preview_change`, summary: 'Preview a change: the exact lines, tax and what is due now', tag, auth, body: SubscriptionPreviewChangeParams },
    { method: 'POST', path: `${base}/complete_change`, summary: 'Finish the 3-D Secure challenge of a payment-first change', tag, auth, body: SubscriptionCompleteChangeParams },
    { method: 'DELETE', path: `${base}/scheduled_change`, summary: 'Keep the current plan: drop the change scheduled for the period end', tag, auth },
    { method: 'POST', path: `${base}/cancel`, summary: 'Cancel now or at the period end, with feedback', tag, auth, body: SubscriptionCancelParams },
    { method: 'POST', path: `${base}/uncancel`, summary: 'Withdraw a cancellation at period end', tag, auth, body: EmptyParams },
    { method: 'POST', path: `${base}/pause`, summary: 'Pause (no invoices while paused), optionally until resumes_at', tag, auth, body: SubscriptionPauseParams },
    { method: 'POST', path: `${base}/resume`, summary: 'Resume now: inside the period already billed the cycle continues; after it a new cycle starts and is invoiced', tag, auth, body: EmptyParams },
    { method: 'GET', path: `${base}/usage`, summary: 'Usage of the current period per metered price', tag, auth },
    { method: 'GET', path: `${base}/upcoming_invoice`, summary: 'The next renewal invoice as the billing run will build it (404 no_upcoming_invoice when nothing renews)', tag, auth },
  ];
}

/** The lifecycle routes in the OpenAPI document. */
export const lifecycleSpecs: RouteSpec[] = [
  ...twins('/v1/subscriptions/:id', 'secret', '/v1/subscriptions/:id'),
  { method: 'POST', path: '/v1/usage_events', summary: 'Report metered usage: one event or a batch of up to 1,000 (idempotent by event_id)', tag, auth: 'secret', body: UsageEventsParams },
];

/** The portal twins (portal token). */
export const portalLifecycleSpecs: RouteSpec[] = [
  ...twins('/v1/portal/subscriptions/:id', 'publishable', '/v1/portal/subscriptions/:id/change'),
  { method: 'POST', path: '/v1/portal/subscriptions/:id/accept_offer', summary: 'Accept the retention offer (the vendor’s coupon)', tag, auth: 'publishable', body: EmptyParams },
];
