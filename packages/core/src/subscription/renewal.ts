import { InvariantError } from '../errors/index.js';
import { periodAt, periodContaining, type Period } from '../time/index.js';
import { itemsInterval, sameInterval } from './items.js';
import type { Subscription, SubscriptionItem } from './types.js';

/** What the subscription bills for next: its items, anchor and period after the current one. */
export interface NextCycle {
  items: readonly SubscriptionItem[];
  /** True when `items` come from the scheduled change, which renewal then consumes. */
  appliesScheduledChange: boolean;
  anchorMs: number;
  period: Period;
}

/**
 * The cycle that follows the current period, as renewal (or a trial's end) will make it.
 * A scheduled change due by the period end takes effect first. The next period is computed
 * from the anchor, never by adding to the last end, so a Jan 31 anchor stays month-end.
 * A trial, or a change of interval, starts a new cycle anchored where the current period ends
 * (or at `trialEndMs`, given when a trial ends early or late).
 *
 * @throws InvariantError when the current period is not one of its anchor's periods.
 */
export function nextCycle(sub: Subscription, trialEndMs?: number): NextCycle {
  const endMs = trialEndMs ?? sub.currentPeriod.endMs;
  const change = sub.scheduledChange;
  const appliesScheduledChange = change !== undefined && change.effectiveAtMs <= sub.currentPeriod.endMs;
  const items = change && appliesScheduledChange ? change.items : sub.items;
  const interval = itemsInterval(items);
  const trialEnds = trialEndMs !== undefined || sub.status === 'trialing';
  if (trialEnds || !sameInterval(interval, itemsInterval(sub.items))) {
    const { startMs, endMs: nextEndMs } = periodAt(endMs, interval, 0, sub.timeZone);
    return { items, appliesScheduledChange, anchorMs: endMs, period: { startMs, endMs: nextEndMs } };
  }
  const next = periodContaining(sub.anchorMs, interval, endMs, sub.timeZone);
  if (next.startMs !== endMs) {
    throw new InvariantError(`Subscription ${sub.id}: current period does not end on its anchor's sequence`);
  }
  return { items, appliesScheduledChange, anchorMs: sub.anchorMs, period: { startMs: next.startMs, endMs: next.endMs } };
}
