/**
 * Production entry: `node dist/main.js`. Configuration comes from the environment (see
 * `config/index.ts`); a bad value stops the start with a message naming the variable. The
 * server runs the billing scheduler and the outbox worker in the same process (see `startServer`).
 */
import { ConfigError, loadConfig } from './config/index.js';
import { closeOnSignals, startServer } from './serve.js';

try {
  const server = await startServer({ config: loadConfig(process.env) });
  closeOnSignals(server);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`abona: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
