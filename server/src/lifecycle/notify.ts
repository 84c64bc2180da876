import type { Executor } from '../db/client.js';
import type { CustomerRow } from '../db/schema.js';
import { sendTemplate } from '../email/send.js';
import type { TemplateData } from '../email/templates/types.js';
import type { TemplateName } from '../email/templates/render.js';
import { recordEvent } from '../events/record.js';
import type { SubscriptionRow } from '../resources/subscriptions/repository.js';
import { toSubscription } from '../resources/subscriptions/serialize.js';
import { pricesOf } from '../resources/subscriptions/state.js';
import type { LifecycleDeps } from './context.js';

/**
 * `customer.subscription.updated` (or `.deleted` once canceled), deduplicated by the row's
 * version: each committed change of a subscription is one event, however often a step reruns.
 */
export async function subscriptionEvent(tx: Executor, deps: LifecycleDeps, row: SubscriptionRow, atMs: number, type?: string): Promise<void> {
  const eventType = type ?? (row.status === 'canceled' || row.status === 'incomplete_expired' ? 'customer.subscription.deleted' : 'customer.subscription.updated');
  await recordEvent(tx, {
    livemode: row.livemode,
    type: eventType,
    data: toSubscription(row, await pricesOf(tx, row.livemode, [row])),
    dedupeKey: `${eventType}:${row.id}:v${row.version}`,
    atMs,
    id: deps.ids.next('evt'),
  });
}

/** A lifecycle email to the customer, in the transaction of the change that causes it (once per `dedupeKey`). */
export async function email<T extends TemplateName>(tx: Executor, deps: LifecycleDeps, customer: CustomerRow | undefined, template: T, data: TemplateData[T], dedupeKey: string, atMs: number): Promise<void> {
  if (!customer) return;
  await sendTemplate(tx, deps.mailer, { livemode: customer.livemode, customer, template, data, dedupeKey, atMs, ids: deps.ids });
}
