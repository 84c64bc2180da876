const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * Waits after the 1st, 2nd, 3rd… failed attempt; the last one repeats. Short at first (a
 * receiver restarting), then hours apart (a receiver down for a day).
 */
export const RETRY_DELAYS_MS: readonly number[] = [MINUTE_MS, 5 * MINUTE_MS, 30 * MINUTE_MS, 2 * HOUR_MS, 5 * HOUR_MS, 10 * HOUR_MS];

/** How long a delivery keeps being retried: about three days, as Stripe does. */
export const RETRY_WINDOW_MS = 3 * 24 * HOUR_MS;

/**
 * When to try again after a failed attempt, or `undefined` when the delivery has failed for good.
 *
 * A delivery is retried until an attempt fails at or after `RETRY_WINDOW_MS` from its first
 * scheduling, so the last try happens at least three days after the event.
 * @param failedAttempts attempts made so far, this one included (≥ 1).
 * @param startMs when the delivery was first scheduled, epoch ms.
 * @param nowMs when this attempt failed, epoch ms.
 */
export function nextAttemptAfterFailure(failedAttempts: number, startMs: number, nowMs: number): number | undefined {
  if (nowMs - startMs >= RETRY_WINDOW_MS) return undefined;
  const index = Math.min(Math.max(failedAttempts, 1), RETRY_DELAYS_MS.length) - 1;
  return nowMs + (RETRY_DELAYS_MS[index] ?? HOUR_MS);
}
