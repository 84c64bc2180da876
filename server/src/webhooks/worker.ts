import type { Clock } from '../clock/index.js';
import type { Db } from '../db/client.js';
import { deliverQueuedEmails } from '../email/send.js';
import { jsonLogger, type Logger } from '../http/log.js';
import { startLoop, type Loop } from '../jobs/loop.js';
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

/** The outbox loop: `runOnce()` for tests and the CLI, `stop()` before closing the database. */
export type WebhookWorker = Loop<TickReport>;

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

  async function tick(): Promise<TickReport> {
    const dispatched = await dispatchEvents(db, { now: clock.now(), ids });
    const outcomes = await deliverDue(db, { now: clock.now(), limit: batchSize, ...(options.fetch ? { fetch: options.fetch } : {}) });
    const emailed = options.mailer ? (await deliverQueuedEmails(db, options.mailer, { now: clock.now(), limit: batchSize })).length : 0;
    return { dispatched, delivered: outcomes.length, emailed };
  }

  return startLoop({
    name: 'webhook worker tick',
    run: tick,
    log,
    retryDelayMs: intervalMs,
    // A full batch means more is waiting: go again at once.
    nextDelayMs: (report) => (report.delivered >= batchSize || report.emailed >= batchSize ? 0 : intervalMs),
  });
}
