import type { Logger } from '../http/log.js';

export interface Loop<R> {
  /** One run now (tests, CLI); chained after the run in flight, so runs never overlap. */
  runOnce(): Promise<R>;
  /** Stops scheduling and waits for the run in flight: safe to close the database after. */
  stop(): Promise<void>;
}

export interface LoopOptions<R> {
  /** One unit of background work. */
  run: () => Promise<R>;
  /** The pause after a successful run: short when it found a full batch, long when idle. */
  nextDelayMs: (report: R) => number;
  /** The pause after a failed run. */
  retryDelayMs: number;
  log: Logger;
  /** Names the loop in the error log line, e.g. "billing run". */
  name: string;
}

/**
 * A background loop of one process: runs at once, then again after the delay its report asks
 * for; a failure is logged and retried later, never thrown into the process. Used by the
 * billing scheduler and the outbox worker; several processes may run the same loop, since
 * every step they take claims its rows.
 */
export function startLoop<R>(options: LoopOptions<R>): Loop<R> {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<R> | undefined;

  function runOnce(): Promise<R> {
    const next = (inFlight ?? Promise.resolve()).catch(() => undefined).then(options.run);
    inFlight = next;
    return next;
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce().then(
        (report) => schedule(options.nextDelayMs(report)),
        (error: unknown) => {
          options.log({ level: 'error', msg: `${options.name} failed`, error: error instanceof Error ? error.message : String(error) });
          schedule(options.retryDelayMs);
        },
      );
    }, delayMs);
  }
  schedule(0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await inFlight?.catch(() => undefined);
    },
  };
}
