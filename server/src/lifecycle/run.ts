import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import type { SubscriptionRow } from '../resources/subscriptions/repository.js';
import { collectBatch } from './collect-batch.js';
import { createRunCache, type LifecycleDeps, type RunCache } from './context.js';
import { lifecycleRepository, type ClockScope, type DueCursor } from './repository.js';
import { recognizeRevenue } from './revenue.js';
import { stepBatch } from './renew-batch.js';
import { stepSubscription } from './step.js';

export interface RunDueOptions {
  /** The instant the run is "at" (epoch ms): the system clock, or a test clock's frozen time. */
  nowMs: number;
  /** One mode, or both (default). */
  livemode?: boolean;
  /** Subscriptions per batch (default 200): memory stays flat whatever the number due. */
  batchSize?: number;
  /** The system clock's subscriptions (default), or one test clock's. */
  scope?: ClockScope;
  /** Post the day's revenue recognition after the renewals (default true). */
  revenue?: boolean;
  /** Called after each batch (reports, tests simulating a crash between batches). */
  onBatch?: (report: RunReport) => void | Promise<void>;
  cache?: RunCache;
}

export interface RunReport {
  batches: number;
  /** Steps this run owned (claimed). */
  processed: number;
  /** Due rows another runner claimed first. */
  skipped: number;
  charged: number;
  paid: number;
  failed: number;
  /** Steps that threw: left due (their transaction rolled back) for the next run. */
  errors: { subscription: string; message: string }[];
  revenueEntries: number;
  /** Batches that rolled back and were replayed one subscription per transaction. */
  replayedBatches: number;
}

/**
 * The billing run: every subscription due at `nowMs` (`next_action_at ≤ now`), streamed in
 * keyset batches, each step in its own transaction (claim, renew, invoice), then its invoices
 * charged off-session outside any transaction. Idempotent by constraints (the claim, the
 * invoice dedupe key, ledger entry keys, event keys): a rerun, a concurrent run or a run after
 * a crash bills nothing twice and misses nothing. A subscription several periods behind is
 * renewed once per period in the same run (it comes back after the cursor).
 */
export async function runDue(deps: LifecycleDeps, options: RunDueOptions): Promise<RunReport> {
  const report: RunReport = { batches: 0, processed: 0, skipped: 0, charged: 0, paid: 0, failed: 0, errors: [], revenueEntries: 0, replayedBatches: 0 };
  const cache = options.cache ?? createRunCache();
  const scope = options.scope ?? { testClockId: null };
  const batchSize = options.batchSize ?? 200;
  const modes = options.livemode === undefined ? [false, true] : [options.livemode];
  for (const livemode of modes) {
    // Test clocks exist in test mode only.
    if (livemode && scope.testClockId !== null) continue;
    let after: DueCursor | null = null;
    for (;;) {
      const due = await lifecycleRepository.due(deps.db, { livemode, nowMs: options.nowMs, scope, after, limit: batchSize });
      const rows: SubscriptionRow[] = due.rows;
      if (rows.length === 0) break;
      after = due.next;
      let charges: string[] = [];
      const batch = await deps.db.transaction((tx) => stepBatch(tx, deps, cache, livemode, rows, options.nowMs)).catch(() => undefined);
      if (batch) {
        report.processed += batch.claimed.length;
        report.skipped += rows.length - batch.claimed.length;
        charges = batch.charge;
      } else {
        report.replayedBatches += 1;
        // The batch rolled back (a step threw): one transaction per subscription, so only the
        // failing ones are left due, each reported.
        for (const row of rows) {
          try {
            const step = await stepSubscription(deps.db, deps, cache, row, options.nowMs);
            if (!step.claimed) report.skipped += 1;
            else report.processed += 1;
            charges.push(...step.charge);
          } catch (error) {
            report.errors.push({ subscription: row.id, message: error instanceof Error ? error.message : String(error) });
          }
        }
      }
      for (const outcome of await collectBatch(deps, cache, charges, { livemode, nowMs: options.nowMs })) {
        report.charged += 1;
        if (outcome === 'paid') report.paid += 1;
        else if (outcome !== 'processing' && outcome !== 'already_paid') report.failed += 1;
      }
      report.batches += 1;
      await options.onBatch?.(report);
      // A batch settles on promises alone (microtasks). Between batches the event loop gets its
      // turn: HTTP requests on the same process are answered, and the native memory of statements
      // the collector has freed (finalized on a later turn) is released; without it a long run
      // held every statement's memory until it ended (+0.25 MB per batch).
      await nextTurnOfEventLoop();
      if (rows.length < batchSize) break;
    }
    if (options.revenue !== false) report.revenueEntries += await recognizeRevenue(deps, { livemode, nowMs: options.nowMs, scope });
  }
  return report;
}
