import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../clock/index.js';
import type { Db } from '../db/client.js';
import type { IdGenerator } from '../ids/index.js';
import { demoKeys } from '../keys/index.js';
import { apiKeyRepository } from '../keys/repository.js';
import type { Services } from '../services.js';
import { seedCatalog, type SeedReport } from './seed-catalog.js';

/** `server/catalog/demo.json`, found from this module so it works from `src/` and `dist/`. */
export const demoCatalogPath = fileURLToPath(new URL('../../catalog/demo.json', import.meta.url));

/** Reads and parses a catalog file (JSON). */
export async function readCatalogFile(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

/**
 * The demo: the demo catalog in test mode plus the fixed, documented test keys
 * `pk_test_abona_demo` / `sk_test_abona_demo` (stored hashed, like any key). Test mode only:
 * nothing here ever touches live data.
 */
export async function seedDemo(deps: { db: Db; services: Services; clock: Clock; ids: IdGenerator }): Promise<SeedReport> {
  const keys = apiKeyRepository(deps.db, deps.ids);
  await keys.ensure(demoKeys.publishable, deps.clock.now(), 'demo publishable key');
  await keys.ensure(demoKeys.secret, deps.clock.now(), 'demo secret key');
  return seedCatalog(deps.services, false, await readCatalogFile(demoCatalogPath));
}
