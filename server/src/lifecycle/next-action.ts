import type { SubscriptionRow } from '../resources/subscriptions/repository.js';
import { INCOMPLETE_WINDOW_MS, RENEWAL_REMINDER_MIN_PERIOD_MS, RENEWAL_REMINDER_MS, TRIAL_REMINDER_MS, USAGE_GRACE_MS } from './context.js';

/**
 * When the scheduler must look at a subscription next, from its state: the period (or trial)
 * end, a reminder before it, a payment retry, or the end of a pause. Reminders count only when
 * still ahead of `nowMs` (they are sent once, at their instant); period ends and retries count
 * even when past, so a late scheduler catches up. `null`: nothing will ever be due.
 *
 * @param retryAtMs the earliest `next_payment_attempt_at` of the subscription's open invoices.
 * @param metered true when an item is metered: its renewal waits {@link USAGE_GRACE_MS} for late usage.
 */
export function nextActionOf(row: Pick<SubscriptionRow, 'status' | 'createdAt' | 'currentPeriodStart' | 'currentPeriodEnd' | 'pauseResumesAt' | 'cancelAtPeriodEnd'>, nowMs: number, retryAtMs: number | null, metered: boolean): number | null {
  const candidates: number[] = [];
  if (retryAtMs !== null) candidates.push(retryAtMs);
  switch (row.status) {
    case 'canceled':
    case 'incomplete_expired':
      return null;
    case 'paused':
      return row.pauseResumesAt;
    case 'incomplete':
      candidates.push(row.createdAt + INCOMPLETE_WINDOW_MS);
      break;
    case 'trialing': {
      candidates.push(row.currentPeriodEnd);
      const reminder = row.currentPeriodEnd - TRIAL_REMINDER_MS;
      if (reminder > nowMs && !row.cancelAtPeriodEnd) candidates.push(reminder);
      break;
    }
    default: {
      const end = row.currentPeriodEnd + (metered && !row.cancelAtPeriodEnd ? USAGE_GRACE_MS : 0);
      candidates.push(end);
      const reminder = row.currentPeriodEnd - RENEWAL_REMINDER_MS;
      const long = row.currentPeriodEnd - row.currentPeriodStart > RENEWAL_REMINDER_MIN_PERIOD_MS;
      if (long && reminder > nowMs && !row.cancelAtPeriodEnd && row.status === 'active') candidates.push(reminder);
    }
  }
  return Math.min(...candidates);
}
