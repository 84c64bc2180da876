import type { Clock } from '../clock/index.js';
import { startLoop, type Loop } from '../jobs/loop.js';
import { jsonLogger, type Logger } from '../http/log.js';
import type { LifecycleDeps } from './context.js';
import { runDue, type RunReport } from './run.js';

export interface SchedulerOptions extends LifecycleDeps {
  clock: Clock;
  /** Pause between runs (default 60 s); a run that found work runs again soon after. */
  intervalMs?: number;
  batchSize?: number;
  log?: Logger;
  /** The billing module's `settlePending`, run before each billing run. */
  settle?: (atMs: number) => Promise<unknown>;
  /**
   * Online tax id checks (`recheckTaxIds` with the configured verifier), started each tick when
   * none is in flight. They wait on a registry, not on the database, so they run beside the
   * billing run and never delay it; `stop()` waits for the one in flight.
   */
  recheckTaxIds?: (atMs: number) => Promise<unknown>;
}

/** The billing loop: `runOnce()` for tests and the CLI, `stop()` before closing the database. */
export type Scheduler = Loop<RunReport>;

/**
 * The background billing loop of a server process: `runDue` at the system clock for both modes
 * (test clocks advance only through their API). Safe on several processes at once: every step
 * is claimed by a conditional update, and every write is idempotent.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const intervalMs = options.intervalMs ?? 60_000;
  const log = options.log ?? jsonLogger;
  let stopped = false;
  let taxIdsInFlight: Promise<void> | undefined;

  function startTaxIdChecks(nowMs: number): void {
    if (!options.recheckTaxIds || taxIdsInFlight || stopped) return;
    taxIdsInFlight = options.recheckTaxIds(nowMs).then(
      () => {
        taxIdsInFlight = undefined;
      },
      (error: unknown) => {
        taxIdsInFlight = undefined;
        log({ level: 'error', msg: 'tax id checks failed', error: error instanceof Error ? error.message : String(error) });
      },
    );
  }

  async function run(): Promise<RunReport> {
    const nowMs = options.clock.now();
    startTaxIdChecks(nowMs);
    if (options.settle) await options.settle(nowMs);
    return runDue(options, { nowMs, ...(options.batchSize ? { batchSize: options.batchSize } : {}) });
  }

  const loop = startLoop({
    name: 'billing run',
    run,
    log,
    retryDelayMs: intervalMs,
    nextDelayMs: (report) => {
      if (report.errors.length > 0) log({ level: 'warn', msg: 'billing run left steps for later', errors: report.errors.slice(0, 10) });
      return report.processed > 0 ? Math.min(intervalMs, 1000) : intervalMs;
    },
  });

  return {
    runOnce: loop.runOnce,
    async stop() {
      stopped = true;
      await loop.stop();
      await taxIdsInFlight;
    },
  };
}
