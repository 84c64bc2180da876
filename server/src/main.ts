/**
 * Production entry: `node dist/main.js`. Configuration comes from the environment (see
 * `config/index.ts`); a bad value stops the start with a message naming the variable.
 */
import { ConfigError, loadConfig } from './config/index.js';
import { closeOnSignals, startServer } from './serve.js';
import { systemClock } from './clock/index.js';
import { randomIds } from './ids/index.js';
import { mailerFromEnv } from './email/transports.js';
import { startWebhookWorker } from './webhooks/worker.js';
import { startScheduler } from './lifecycle/scheduler.js';
import { createServices } from './services.js';

try {
  const mailer = mailerFromEnv(process.env);
  const server = await startServer({ config: loadConfig(process.env) });
  // The outbox worker: webhooks out and queued emails. Stopped before the database closes.
  const worker = startWebhookWorker({ db: server.handle.db, clock: systemClock, mailer });
  // The billing run: renewals, trial ends, dunning, resumes, revenue recognition. Safe on every replica.
  const services = createServices({ db: server.handle.db, clock: systemClock, ids: randomIds, mailer });
  const scheduler = startScheduler({ ...services.lifecycle.deps, clock: systemClock, settle: (atMs) => services.billing.settlePending(atMs) });
  closeOnSignals({
    ...server,
    close: async () => {
      await scheduler.stop();
      await worker.stop();
      mailer.close?.();
      await server.close();
    },
  });
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`abona: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
