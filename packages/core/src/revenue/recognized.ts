import { assertMinor } from '../money/index.js';
import { assertInstant } from '../time/index.js';
import type { RevenueEntry } from './schedule.js';

/** How much of a schedule is revenue at an instant, and how much is still deferred. */
export interface RecognitionSplit {
  /** Σ amounts of the entries whose service was delivered by the instant, minor units. */
  recognized: number;
  /** The rest: billed but not yet earned (a contract liability), minor units. */
  deferred: number;
}

/**
 * Splits a schedule at `atMs`: an entry is recognized once its day's share of the service is
 * delivered (`serviceEndMs ≤ atMs`), the rest is deferred revenue. Recognition is daily, the
 * granularity of the ledger postings, so a day in progress is still deferred. Both parts are
 * sums of integer entries, so `recognized + deferred` is the line's net amount exactly.
 *
 * @example recognizedThrough(revenueSchedule(line), Date.UTC(2024, 3, 11)) // 10 of 30 days recognized
 */
export function recognizedThrough(schedule: readonly RevenueEntry[], atMs: number): RecognitionSplit {
  assertInstant(atMs, 'atMs');
  let recognized = 0;
  let deferred = 0;
  for (const [i, entry] of schedule.entries()) {
    assertMinor(entry.amount, `schedule[${i}].amount`);
    if (entry.serviceEndMs <= atMs) recognized += entry.amount;
    else deferred += entry.amount;
  }
  return { recognized, deferred };
}
