import type { UsageAggregation } from '../catalog/index.js';
import { InvalidInputError } from '../errors/index.js';
import { assertInstant } from '../time/index.js';
import { assertQuantity } from './breakdown.js';

/** One reported usage event: a quantity at an instant, with an optional value for `count_unique`. */
export interface UsageEvent {
  quantity: number;
  timestampMs: number;
  /** What `count_unique` counts, e.g. a user id for "monthly active users". */
  value?: string;
}

/**
 * The billable quantity of a period's usage events:
 * - `sum`: Σ quantities; `max`: the largest quantity; both 0 with no events.
 * - `last`: the quantity of the latest event by `timestampMs` (a tie goes to the one listed
 *   later, as it was reported later); 0 with no events.
 * - `count_unique`: how many distinct `value`s were reported (every event needs one).
 * Quantities must be non-negative integers.
 */
export function aggregateUsage(events: readonly UsageEvent[], aggregation: UsageAggregation): number {
  events.forEach((e, i) => {
    assertQuantity(e.quantity, `events[${i}].quantity`);
    assertInstant(e.timestampMs, `events[${i}].timestampMs`);
  });
  switch (aggregation) {
    case 'sum': {
      const total = events.reduce((sum, e) => sum + e.quantity, 0);
      if (!Number.isSafeInteger(total)) throw new InvalidInputError('Summed usage is out of range', 'events');
      return total;
    }
    case 'max':
      return events.reduce((max, e) => Math.max(max, e.quantity), 0);
    case 'last': {
      let latest: UsageEvent | undefined;
      for (const e of events) if (latest === undefined || e.timestampMs >= latest.timestampMs) latest = e;
      return latest?.quantity ?? 0;
    }
    case 'count_unique': {
      const seen = new Set<string>();
      events.forEach((e, i) => {
        if (typeof e.value !== 'string') throw new InvalidInputError(`events[${i}].value is needed to count unique values`, `events[${i}].value`);
        seen.add(e.value);
      });
      return seen.size;
    }
    default:
      throw new InvalidInputError(`Unknown aggregation: ${String(aggregation)}`, 'aggregation');
  }
}
