import { describeError, UsageEventParams, type UsageEventsParams, type UsageEventsResult } from '@abona/api';
import { fromIso, priceAmount, type Period, type SubscriptionItem } from '@abona/core';
import * as z from 'zod/mini';
import type { Db } from '../../db/client.js';
import { prices as pricesTable, type PriceRow } from '../../db/schema.js';
import { InvalidRequest, NotFound } from '../../errors/index.js';
import { recordEvent } from '../../events/record.js';
import type { IdGenerator } from '../../ids/index.js';
import { usageQuantity } from '../../lifecycle/invoice.js';
import type { Actor } from '../../lifecycle/changes.js';
import { toCorePrice } from '../prices/to-core.js';
import { subscriptionRepository, type SubscriptionRow } from '../subscriptions/repository.js';
import { loadCoreSubscription } from '../subscriptions/state.js';
import type { Clocks } from '../test-clocks/clocks.js';
import { usageRepository, type UsageEventRow } from './repository.js';
import { and, eq, inArray } from 'drizzle-orm';

/** Events may be stamped this far ahead of the customer's clock (clock skew between systems). */
export const USAGE_FUTURE_SKEW_MS = 5 * 60 * 1000;
/** Price metadata key: usage at or above this quantity in a period emits `usage.threshold_reached` once. */
export const THRESHOLD_KEY = 'abona_usage_threshold';

export interface CurrentUsage {
  subscriptionId: string;
  period: Period;
  currency: string;
  items: { priceId: string; aggregation: string; quantity: number; included: number; amount: number; threshold: number | null }[];
}

function thresholdOf(price: PriceRow): number | null {
  const raw = price.metadata[THRESHOLD_KEY];
  if (raw === undefined || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

/** Units the first tier gives away (a graduated price whose first tier costs nothing). */
function includedUnits(item: SubscriptionItem): number {
  const model = item.price.model;
  if (model.type !== 'graduated' && model.type !== 'volume') return 0;
  const first = model.tiers[0];
  if (!first || first.upTo === null) return 0;
  const free = (first.unitAmount ?? 0) === 0 && (first.unitAmountDecimal === undefined || Number(first.unitAmountDecimal) === 0) && (first.flatAmount ?? 0) === 0;
  return free ? first.upTo : 0;
}

/**
 * Metered usage: `record` stores events (idempotent by `event_id`; a batch is all or nothing:
 * one bad event rejects it with `events[i][field]`), `current` reads a subscription's usage in
 * its current period through core's `aggregateUsage` and `priceAmount`.
 *
 * Late events: an event's timestamp must fall in the subscription's current period (up to 5
 * minutes ahead of the customer's clock). Metered subscriptions renew one hour after their
 * period ends, so events of the ended period are still accepted during that hour; once the
 * renewal has invoiced the period, they are refused.
 */
export function usageService(deps: { db: Db; ids: IdGenerator; clocks: Clocks }) {
  const { db, ids, clocks } = deps;

  return {
    async record(livemode: boolean, body: UsageEventsParams): Promise<UsageEventsResult> {
      const batch = 'events' in body;
      const raw: unknown[] = batch ? body.events : [body];
      const prefix = (i: number, field?: string) => (batch ? `events[${i}]${field ? `[${field}]` : ''}` : (field ?? 'event'));
      const parsed = raw.map((value, i) => {
        const result = z.safeParse(UsageEventParams, value);
        if (!result.success) {
          const { param, message } = describeError(result.error);
          const field = param?.split('[')[0];
          throw new InvalidRequest(message, prefix(i, field || undefined));
        }
        return result.data;
      });
      const subs = new Map<string, SubscriptionRow>();
      for (const row of await usageRepository.subscriptionsByIds(db, livemode, parsed.flatMap((e) => (e.subscription ? [e.subscription] : [])))) subs.set(row.id, row);
      const byCustomer = new Map<string, SubscriptionRow[]>();
      for (const row of await usageRepository.subscriptionsOfCustomers(db, livemode, parsed.flatMap((e) => (!e.subscription && e.customer ? [e.customer] : [])))) {
        byCustomer.set(row.customerId, [...(byCustomer.get(row.customerId) ?? []), row]);
      }
      const priceIds = new Set<string>();
      for (const row of [...subs.values(), ...[...byCustomer.values()].flat()]) for (const item of row.items) priceIds.add(item.priceId);
      const priceRows = priceIds.size === 0 ? [] : await db.select().from(pricesTable).where(and(eq(pricesTable.livemode, livemode), inArray(pricesTable.id, [...priceIds])));
      const priceById = new Map(priceRows.map((p) => [p.id, p]));
      const nowByClock = new Map<string | null, number>();
      const nowOf = async (row: SubscriptionRow) => {
        if (!nowByClock.has(row.testClockId)) nowByClock.set(row.testClockId, (await clocks.clockForTestClock(row.testClockId)).now());
        return nowByClock.get(row.testClockId) as number;
      };

      const rows: UsageEventRow[] = [];
      const seenInBatch = new Set<string>();
      const duplicates: string[] = [];
      for (const [i, event] of parsed.entries()) {
        let sub: SubscriptionRow | undefined;
        if (event.subscription) {
          sub = subs.get(event.subscription);
          if (!sub) throw new InvalidRequest(`No such subscription: '${event.subscription}'`, prefix(i, 'subscription'), 'resource_missing');
        } else if (event.customer) {
          if (!event.price) throw new InvalidRequest('With customer, price is required', prefix(i, 'price'));
          const price = event.price;
          sub = byCustomer.get(event.customer)?.find((s) => s.items.some((it) => it.priceId === price));
          if (!sub) throw new InvalidRequest(`No live subscription of customer '${event.customer}' has price '${price}'`, prefix(i, 'customer'), 'resource_missing');
        } else {
          throw new InvalidRequest('Either subscription or customer is required', prefix(i, 'subscription'));
        }
        if (sub.status === 'canceled' || sub.status === 'incomplete_expired' || sub.status === 'incomplete') {
          throw new InvalidRequest(`Subscription ${sub.id} is ${sub.status}: it takes no usage`, prefix(i, 'subscription'), 'subscription_inactive');
        }
        const metered = sub.items.filter((it) => priceById.get(it.priceId)?.recurringUsageType === 'metered');
        const priceId = event.price ?? (metered.length === 1 ? metered[0]?.priceId : undefined);
        if (!priceId) throw new InvalidRequest('The subscription has several metered prices: name one', prefix(i, 'price'));
        const price = priceById.get(priceId);
        if (!price || !metered.some((it) => it.priceId === priceId)) throw new InvalidRequest(`Price '${priceId}' is not a metered price of subscription ${sub.id}`, prefix(i, 'price'));
        if (price.recurringAggregateUsage === 'count_unique' && event.value === undefined) throw new InvalidRequest('count_unique prices need a value', prefix(i, 'value'));
        const nowMs = await nowOf(sub);
        let timestampMs = nowMs;
        if (event.timestamp !== undefined) {
          try {
            timestampMs = fromIso(event.timestamp, 'timestamp');
          } catch {
            throw new InvalidRequest('timestamp is not a valid instant', prefix(i, 'timestamp'));
          }
        }
        if (timestampMs < sub.currentPeriodStart || timestampMs > nowMs + USAGE_FUTURE_SKEW_MS) {
          throw new InvalidRequest('timestamp must fall in the subscription\'s current period (usage of an invoiced period can no longer be reported)', prefix(i, 'timestamp'), 'timestamp_out_of_period');
        }
        if (seenInBatch.has(event.event_id)) {
          duplicates.push(event.event_id);
          continue;
        }
        seenInBatch.add(event.event_id);
        rows.push({ id: ids.next('mbur'), livemode, createdAt: nowMs, eventId: event.event_id, customerId: sub.customerId, subscriptionId: sub.id, priceId, quantity: event.quantity ?? 1, value: event.value ?? null, timestamp: timestampMs });
      }

      const created = await db.transaction(async (tx) => {
        const stored = await usageRepository.insertNew(tx, rows);
        for (const row of rows) if (!stored.has(row.eventId)) duplicates.push(row.eventId);
        // Thresholds: once per subscription, price and period, when the period's usage reaches it.
        const touched = new Map<string, UsageEventRow>();
        for (const row of rows) if (stored.has(row.eventId)) touched.set(`${row.subscriptionId} ${row.priceId}`, row);
        for (const row of touched.values()) {
          const price = priceById.get(row.priceId);
          const threshold = price ? thresholdOf(price) : null;
          const sub = await subscriptionRepository.find(tx, livemode, row.subscriptionId);
          if (!price || threshold === null || !sub) continue;
          const period = { startMs: sub.currentPeriodStart, endMs: sub.currentPeriodEnd };
          const item = { priceId: price.id, quantity: 1, price: toCorePrice(price, sub.currency) };
          const quantity = await usageQuantity(tx, livemode, sub.id, item, period);
          if (quantity < threshold) continue;
          await recordEvent(tx, {
            livemode,
            type: 'usage.threshold_reached',
            data: { object: 'usage_threshold', subscription: sub.id, customer: sub.customerId, price: price.id, threshold, quantity, period_start: new Date(period.startMs).toISOString() },
            dedupeKey: `usage.threshold_reached:${sub.id}:${price.id}:${period.startMs}`,
            atMs: row.createdAt,
            id: ids.next('evt'),
          });
        }
        return stored.size;
      });
      return { object: 'usage_event_batch', created, duplicates };
    },

    async current(actor: Actor, subscriptionId: string): Promise<CurrentUsage> {
      const row = await subscriptionRepository.find(db, actor.livemode, subscriptionId);
      if (!row || (actor.customerId !== undefined && row.customerId !== actor.customerId)) throw new NotFound('subscription', subscriptionId);
      const core = await loadCoreSubscription(db, row);
      const period = { startMs: row.currentPeriodStart, endMs: row.currentPeriodEnd };
      const priceRows = await db.select().from(pricesTable).where(and(eq(pricesTable.livemode, row.livemode), inArray(pricesTable.id, row.items.map((i) => i.priceId))));
      const byId = new Map(priceRows.map((p) => [p.id, p]));
      const items: CurrentUsage['items'] = [];
      for (const item of core.items) {
        if (item.price.recurring?.usageType !== 'metered') continue;
        const quantity = await usageQuantity(db, row.livemode, row.id, item, period);
        const priceRow = byId.get(item.priceId);
        items.push({ priceId: item.priceId, aggregation: item.price.recurring.aggregation ?? 'sum', quantity, included: includedUnits(item), amount: priceAmount(item.price, quantity), threshold: priceRow ? thresholdOf(priceRow) : null });
      }
      return { subscriptionId: row.id, period, currency: row.currency, items };
    },
  };
}
export type UsageService = ReturnType<typeof usageService>;
