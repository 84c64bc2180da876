import { InvalidInputError } from '../errors/index.js';
import {
  InvalidTransitionError,
  assertItems,
  itemsCurrency,
  itemsInterval,
  scheduleChange,
  transition,
  type Subscription,
  type SubscriptionItem,
} from '../subscription/index.js';
import { assertInstant, periodAt } from '../time/index.js';
import { classifyChange } from './classify.js';
import { periodLines, prorationLines, type LineContext } from './lines.js';
import { defaultPlanChangePolicy, type PlanChange, type PlanChangeInput } from './types.js';

function withItems(sub: Subscription, items: readonly SubscriptionItem[]): Subscription {
  // A change made now supersedes one waiting for the period end.
  const { scheduledChange: _s, ...rest } = sub;
  return { ...rest, items };
}

/**
 * Changes a subscription's items at `atMs` the way its policy says, and returns the new
 * subscription with exactly the lines the change creates. {@link previewPlanChange} runs this
 * same function, so a preview never disagrees with what applying does.
 *
 * - At period end: nothing is billed now; the subscription gets a `scheduledChange`.
 * - Now, same interval: the items are swapped; unused time on the old items is credited and
 *   the remaining time on the new ones charged (unless `prorationBehavior` is `none`), on the
 *   next invoice or, with `always_invoice`, at once.
 * - Now, another interval: a new cycle anchored at `atMs` starts; the unused time is credited
 *   (unless `none`) and the first new period is invoiced at once.
 * - During a trial: the items are swapped at once with no lines, as nothing was paid.
 *
 * @throws InvalidInputError for bad or unchanged items, another currency, or `atMs` before the period.
 * @throws InvalidTransitionError when the status allows no plan change, or the period has ended.
 */
export function applyPlanChange(input: PlanChangeInput): PlanChange {
  const { subscription: sub, newItems, atMs } = input;
  assertInstant(atMs, 'atMs');
  assertItems(newItems, 'newItems');
  if (itemsCurrency(newItems, 'newItems') !== itemsCurrency(sub.items)) {
    throw new InvalidInputError('A plan change cannot switch the currency', 'newItems');
  }
  if (atMs < sub.currentPeriod.startMs) throw new InvalidInputError('atMs is before the current period', 'atMs');
  if (atMs >= sub.currentPeriod.endMs) {
    throw new InvalidTransitionError(sub.status, 'plan_changed', 'the current period has ended; renew it first');
  }
  const kind = classifyChange(sub.items, newItems, input.products);
  const behavior = input.prorationBehavior ?? 'create_prorations';
  const ctx: LineContext = {
    timeZone: sub.timeZone,
    products: input.products ?? [],
    defaultTaxBehavior: input.defaultTaxBehavior ?? 'exclusive',
  };
  const now = { kind, effective: 'now', effectiveAtMs: atMs } as const;

  if (sub.status === 'trialing') {
    return { ...now, lines: [], invoiceNow: false, subscription: withItems(transition(sub, 'plan_changed', atMs), newItems) };
  }
  if ({ ...defaultPlanChangePolicy, ...input.policy }[kind] === 'period_end') {
    const subscription = scheduleChange(sub, newItems, atMs);
    return { kind, effective: 'period_end', effectiveAtMs: sub.currentPeriod.endMs, lines: [], invoiceNow: false, subscription };
  }
  const changed = withItems(transition(sub, 'plan_changed', atMs), newItems);
  if (kind === 'interval_change') {
    const { startMs, endMs } = periodAt(atMs, itemsInterval(newItems), 0, sub.timeZone);
    const period = { startMs, endMs };
    const credits = behavior === 'none' ? [] : prorationLines(sub.items, [], sub.currentPeriod, atMs, ctx);
    const lines = [...credits, ...periodLines(newItems, period, ctx)];
    return { ...now, lines, invoiceNow: true, subscription: { ...changed, anchorMs: atMs, currentPeriod: period } };
  }
  const lines = behavior === 'none' ? [] : prorationLines(sub.items, newItems, sub.currentPeriod, atMs, ctx);
  return { ...now, lines, invoiceNow: behavior === 'always_invoice' && lines.length > 0, subscription: changed };
}
