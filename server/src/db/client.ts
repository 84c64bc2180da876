import { createClient, type Client } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema.js';
import { serializedClient } from './serialized-client.js';

/** The drizzle database every repository takes. */
export type Db = LibSQLDatabase<typeof schema>;

/** Resolved from this module, so it works from `src/` (vitest) and `dist/` (node) alike. */
export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export interface DbHandle {
  db: Db;
  client: Client;
  close(): void;
}

/** `file:./data/abona.db` → `./data/abona.db`; `undefined` for memory and remote URLs. */
function localPath(url: string): string | undefined {
  if (!url.startsWith('file:')) return undefined;
  const path = url.slice('file:'.length).split('?')[0] ?? '';
  return path && path !== ':memory:' ? path : undefined;
}

/**
 * Opens the database at `url` (`:memory:`, `file:path.db`, or a libsql server URL), creates the
 * folder of a local file, and applies every pending migration from `server/drizzle`.
 */
export async function createDb(url = ':memory:'): Promise<DbHandle> {
  const path = localPath(url);
  if (path) mkdirSync(dirname(resolve(path)), { recursive: true });
  // A short busy timeout lets concurrent writers on a file queue instead of failing at once.
  const raw = createClient({ url, ...(path ? { timeout: 5000 } : {}) });
  const client = serializedClient(raw, { exclusive: !path });
  const db = drizzle({ client, schema });
  if (path) await db.run(sql`PRAGMA journal_mode = WAL`);
  await migrate(db, { migrationsFolder });
  return { db, client, close: () => raw.close() };
}

/** The handle a transaction callback receives: the same query API as `Db`, bound to the transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Tx;
