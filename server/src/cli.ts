#!/usr/bin/env node
/**
 * `abona serve | migrate | seed [--file catalog.json] [--mode test|live] | keys create [--mode test|live]`
 */
import { parseArgs } from 'node:util';
import { systemClock } from './clock/index.js';
import { ConfigError, loadConfig, type AppConfig } from './config/index.js';
import { createDb } from './db/client.js';
import { ApiError } from './errors/index.js';
import { randomIds } from './ids/index.js';
import { generateKey } from './keys/index.js';
import { apiKeyRepository } from './keys/repository.js';
import { readCatalogFile, seedCatalog, seedDemo, type SeedReport } from './seed/index.js';
import { closeOnSignals, startServer } from './serve.js';
import { createServices } from './services.js';

const usage = `Usage: abona <command> [options]

Commands:
  serve                          start the API server (PORT, HOST, DATABASE_URL, ...)
  migrate                        apply database migrations and exit
  seed [--file catalog.json]     apply a catalog file (default: the demo catalog and demo keys, test mode)
       [--mode test|live]        which data the catalog goes to (default: ABONA_MODE, else test)
  keys create [--mode test|live] create a publishable + secret key pair, print them once
       [--name label]

Environment: PORT (8787), HOST (127.0.0.1), DATABASE_URL (file:./data/abona.db),
ABONA_ALLOWED_ORIGINS, ABONA_MODE (test|live), ABONA_SECRET_KEY, ABONA_PUBLISHABLE_KEY,
ABONA_RATE_LIMIT (max/windowMs), ABONA_STATIC_DIR.`;

function printReport(report: SeedReport): void {
  const line = (label: string, items: string[]) => items.length && console.log(`${label} (${items.length}): ${items.join(', ')}`);
  line('created', report.created);
  line('updated', report.updated);
  line('replaced', report.replaced);
  console.log(`unchanged: ${report.unchanged.length}`);
  for (const warning of report.warnings) console.warn(`warning: ${warning}`);
}

function modeOf(value: string | undefined, config: AppConfig): 'test' | 'live' {
  const mode = value ?? config.mode;
  if (mode !== 'test' && mode !== 'live') throw new ConfigError(`--mode must be test or live, got "${mode}"`);
  return mode;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { file: { type: 'string' }, mode: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, sub] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return command ? 0 : 1;
  }
  const config = loadConfig(process.env);

  switch (command) {
    case 'serve': {
      closeOnSignals(await startServer({ config }));
      return -1; // keep running
    }
    case 'migrate': {
      const handle = await createDb(config.databaseUrl);
      handle.close();
      console.log(`Migrated ${config.databaseUrl}`);
      return 0;
    }
    case 'seed': {
      const mode = modeOf(values.mode, config);
      const handle = await createDb(config.databaseUrl);
      try {
        const services = createServices({ db: handle.db, clock: systemClock, ids: randomIds });
        if (values.file === undefined) {
          if (mode !== 'test') throw new ConfigError('The demo catalog and keys are seeded only in test mode; pass --file for live data');
          printReport(await seedDemo({ db: handle.db, services, clock: systemClock, ids: randomIds }));
          console.log('Demo keys (test mode): pk_test_abona_demo, sk_test_abona_demo');
        } else {
          printReport(await seedCatalog(services, mode === 'live', await readCatalogFile(values.file)));
        }
      } finally {
        handle.close();
      }
      return 0;
    }
    case 'keys': {
      if (sub !== 'create') {
        console.error(usage);
        return 1;
      }
      const mode = modeOf(values.mode, config);
      const handle = await createDb(config.databaseUrl);
      try {
        const keys = apiKeyRepository(handle.db, randomIds);
        const publishable = generateKey('publishable', mode === 'live');
        const secret = generateKey('secret', mode === 'live');
        await keys.ensure(publishable, systemClock.now(), values.name ?? null);
        await keys.ensure(secret, systemClock.now(), values.name ?? null);
        console.log(`Publishable key: ${publishable}`);
        console.log(`Secret key:      ${secret}`);
        console.log('Only their hashes are stored: copy them now, they cannot be shown again.');
      } finally {
        handle.close();
      }
      return 0;
    }
    default:
      console.error(`Unknown command: ${command}\n\n${usage}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof ApiError) {
      const param = error instanceof ApiError && error.param ? ` (${error.param})` : '';
      console.error(`abona: ${error.message}${param}`);
      process.exitCode = 2;
      return;
    }
    console.error(error);
    process.exitCode = 1;
  },
);
