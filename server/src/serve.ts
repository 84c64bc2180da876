import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createApp } from './app.js';
import { systemClock, type Clock } from './clock/index.js';
import type { AppConfig } from './config/index.js';
import { createDb, type DbHandle } from './db/client.js';
import type { PaymentGateway } from './gateway/types.js';
import { jsonLogger, type Logger } from './http/log.js';
import { randomIds, type IdGenerator } from './ids/index.js';
import { apiKeyRepository } from './keys/repository.js';
import { mailerFromEnv } from './email/transports.js';
import { startScheduler } from './lifecycle/scheduler.js';
import type { Mailer } from './mailer/types.js';
import { seedDemo, type SeedReport } from './seed/index.js';
import { createServices } from './services.js';
import { startWebhookWorker } from './webhooks/worker.js';
import { recheckTaxIds, verifierFromEnv } from './tax-ids/index.js';

export interface StartOptions {
  config: AppConfig;
  clock?: Clock;
  ids?: IdGenerator;
  log?: Logger;
  gateway?: PaymentGateway;
  /** Seed the demo catalog and the demo keys (test mode only). */
  seedDemo?: boolean;
  /** How emails leave; by default from the environment (`ABONA_SMTP_URL`), else stored only. */
  mailer?: Mailer;
  /**
   * Run the background work in this process: the billing scheduler (renewals, trial ends,
   * dunning, resumes, revenue recognition) and the outbox worker (webhooks out, queued emails).
   * Default true; both are safe to run on every replica at once.
   */
  background?: boolean;
  /** Extra routes mounted after the API and before static files (the demo's server-side handlers). */
  routes?: (app: ReturnType<typeof createApp>, context: { handle: DbHandle }) => void;
}

export interface RunningServer {
  url: string;
  handle: DbHandle;
  seedReport: SeedReport | undefined;
  /** Stops accepting connections, lets open requests finish, closes the database. */
  close(): Promise<void>;
}

/** The placeholder home page, until a demo site is served from `staticDir`. */
function homePage(config: AppConfig): string {
  const demoKey = config.mode === 'test' ? '<p>Demo publishable key: <code>pk_test_abona_demo</code></p>' : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Abona</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Abona billing server</h1><p>Mode: <strong>${config.mode}</strong>. The API is under <code>/v1</code>;
health at <a href="/health">/health</a>.</p>${demoKey}
<p>Try: <code>curl -H "Authorization: Bearer pk_test_abona_demo" ${'$'}URL/v1/prices</code></p></body></html>`;
}

/**
 * Opens (and migrates) the database, stores the environment's keys (hashed), optionally seeds
 * the demo, and serves the API on `config.host:config.port`. Static files from
 * `config.staticDir` (the demo site) are served for paths the API does not claim; without one,
 * `/` shows a small placeholder page.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const log = options.log ?? jsonLogger;
  const handle = await createDb(config.databaseUrl);
  const keys = apiKeyRepository(handle.db, ids);
  if (config.secretKey) await keys.ensure(config.secretKey, clock.now(), 'from ABONA_SECRET_KEY');
  if (config.publishableKey) await keys.ensure(config.publishableKey, clock.now(), 'from ABONA_PUBLISHABLE_KEY');

  const mailer = options.mailer ?? mailerFromEnv(process.env);
  const gateway = options.gateway ? { gateway: options.gateway } : {};
  // One set of services (catalog cache, gateways, clocks) for seeding, the API and the background work.
  const services = createServices({ db: handle.db, clock, ids, mailer, ...gateway });

  let seedReport: SeedReport | undefined;
  if (options.seedDemo) {
    if (config.mode !== 'test') throw new Error('The demo is seeded only in test mode (ABONA_MODE=test)');
    seedReport = await seedDemo({ db: handle.db, services, clock, ids });
  }

  // Online tax id checks (ABONA_TAX_ID_VERIFICATION): only the scheduler calls the registry, never a checkout.
  const taxIdVerifier = verifierFromEnv(process.env);
  const app = createApp({ db: handle.db, clock, ids, config, log, mailer, services, ...gateway });
  options.routes?.(app, { handle });
  // Hook for the demo site: any GET the API does not answer.
  const staticDir = config.staticDir ? resolve(config.staticDir) : undefined;
  if (staticDir && existsSync(staticDir)) app.use('/*', serveStatic({ root: staticDir }));
  app.get('/', (c) => c.html(homePage(config)));

  const server: ServerType = await new Promise((resolveServer) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolveServer(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  log({ level: 'info', msg: 'listening', url, mode: config.mode });

  const workers: { stop(): Promise<unknown> }[] = [];
  if (options.background !== false) {
    workers.push(
      startScheduler({
        ...services.lifecycle.deps,
        clock,
        log,
        settle: (atMs) => services.billing.settlePending(atMs),
        ...(taxIdVerifier
          ? {
              recheckTaxIds: async (atMs: number) => {
                const report = await recheckTaxIds(handle.db, taxIdVerifier, { nowMs: atMs });
                if (report.errors.length > 0) log({ level: 'warn', msg: 'tax id checks left ids for later', errors: report.errors.slice(0, 10) });
              },
            }
          : {}),
      }),
      startWebhookWorker({ db: handle.db, clock, mailer, log }),
    );
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    handle,
    seedReport,
    close() {
      closing ??= new Promise<void>((done) => {
        server.close(() => {
          // Background work finishes its current step before the database closes.
          void Promise.allSettled(workers.map((w) => w.stop())).then(() => {
            mailer.close?.();
            handle.close();
            done();
          });
        });
        // Idle keep-alive sockets would hold close() open forever.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      return closing;
    },
  };
}

/**
 * Closes `server` on SIGINT/SIGTERM, then exits. A second signal exits at once.
 */
export function closeOnSignals(server: RunningServer, log: Logger = jsonLogger): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    log({ level: 'info', msg: 'shutting down', signal });
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
