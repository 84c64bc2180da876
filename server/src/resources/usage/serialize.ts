import type { SubscriptionUsage } from '@abona/api';
import { toIso } from '@abona/core';
import type { CurrentUsage } from './service.js';

export function toSubscriptionUsage(usage: CurrentUsage): SubscriptionUsage {
  return {
    object: 'subscription_usage',
    subscription: usage.subscriptionId,
    period: { start: toIso(usage.period.startMs), end: toIso(usage.period.endMs) },
    currency: usage.currency,
    data: usage.items.map((i) => ({ price: i.priceId, aggregation: i.aggregation, quantity: i.quantity, included: i.included, amount: i.amount, threshold: i.threshold })),
  };
}
