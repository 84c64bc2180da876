import type { Clock } from '../clock/index.js';
import type { Db } from '../db/client.js';
import { deliverQueuedEmails } from '../email/send.js';
import { jsonLogger, type Logger } from '../http/log.js';
import { randomIds, type IdGenerator } from '../ids/index.js';
import type { Mailer } from '../mailer/types.js';
import { deliverDue } from './deliver.js';
import { dispatchEvents } from './dispatch.js';

export interface WebhookWorkerOptions {
  db: Db;
  clock: Clock;
  /** Pause between idle ticks (default 1000 ms); a tick that found a full batch runs again at once. */
  intervalMs?: number;
  fetch?: typeof fetch;
  ids?: IdGenerator;
  log?: Logger;
  /** When given and it `delivers` (SMTP), queued emails are sent on every tick too. */
  mailer?: Mailer;
  /** Deliveries per tick (default 20). */
  batchSize?: number;
}

export interface TickReport {
  dispatched: number;
  delivered: number;
  emailed: number;
}

export interface WebhookWorker {
  /** Runs one tick now (tests, CLI). */
  runOnce(): Promise<TickReport>;
  /** Stops scheduling and waits for the tick in flight: safe to close the database after. */
  stop(): Promise<void>;
}

/**
 * The background loop of the outbox: fan events out, send due deliveries, send queued emails.
 * Ticks never overlap in one worker; several workers (processes, replicas) may run at once,
 * since every step claims its rows.
 */
export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { db, clock } = options;
  const intervalMs = options.intervalMs ?? 1000;
  const batchSize = options.batchSize ?? 20;
  const log = options.log ?? jsonLogger;
  const ids = options.ids ?? randomIds;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<TickReport> | undefined;

  async function tick(): Promise<TickReport> {
    const dispatched = await dispatchEvents(db, { now: clock.now(), ids });
    const outcomes = await deliverDue(db, { now: clock.now(), limit: batchSize, ...(options.fetch ? { fetch: options.fetch } : {}) });
    const emailed = options.mailer ? (await deliverQueuedEmails(db, options.mailer, { now: clock.now(), limit: batchSize })).length : 0;
    return { dispatched, delivered: outcomes.length, emailed };
  }

  function runOnce(): Promise<TickReport> {
    // Chained, so a manual tick and the loop's tick never run at the same time.
    const run = (inFlight ?? Promise.resolve()).catch(() => undefined).then(tick);
    inFlight = run;
    return run;
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce().then(
        (report) => schedule(report.delivered >= batchSize || report.emailed >= batchSize ? 0 : intervalMs),
        (error: unknown) => {
          log({ level: 'error', msg: 'webhook worker tick failed', error: error instanceof Error ? error.message : String(error) });
          schedule(intervalMs);
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
