/**
 * Production entry: `node dist/main.js`. Configuration comes from the environment (see
 * `config/index.ts`); a bad value stops the start with a message naming the variable.
 */
import { ConfigError, loadConfig } from './config/index.js';
import { closeOnSignals, startServer } from './serve.js';
import { systemClock } from './clock/index.js';
import { mailerFromEnv } from './email/transports.js';
import { startWebhookWorker } from './webhooks/worker.js';

try {
  const mailer = mailerFromEnv(process.env);
  const server = await startServer({ config: loadConfig(process.env) });
  // The outbox worker: webhooks out and queued emails. Stopped before the database closes.
  const worker = startWebhookWorker({ db: server.handle.db, clock: systemClock, mailer });
  closeOnSignals({
    ...server,
    close: async () => {
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
