import { createClient, type Client, type InArgs, type ResultSet, type Row } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema.js';
import { serializedClient, type ReadPath } from './serialized-client.js';

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
  const raw = createClient({ url, ...(path ? { timeout: BUSY_TIMEOUT_MS } : {}) });
  if (path) {
    await raw.execute('PRAGMA journal_mode = WAL');
    // WAL + NORMAL cannot corrupt the file; a power cut may lose the last commits' fsync.
    // Per connection: this reaches the client's first connection, the one writes reuse.
    await raw.execute('PRAGMA synchronous = NORMAL');
  }
  const reads = path ? cachedReads(path) : undefined;
  const client = serializedClient(raw, { exclusive: !path, ...(reads ? { reads } : {}) });
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder });
  return {
    db,
    client,
    close: () => {
      reads?.close();
      raw.close();
    },
  };
}

const BUSY_TIMEOUT_MS = 5000;
/** Distinct SQL texts kept prepared; drizzle builds the same text for the same query shape. */
const MAX_STATEMENTS = 500;

/** The slice of the `libsql` driver (better-sqlite3's API) the read path uses. */
interface NativeStatement {
  raw(on?: boolean): NativeStatement;
  safeIntegers(on?: boolean): NativeStatement;
  columns(): { name: string; type: string | null }[];
  all(args: unknown[]): unknown[][];
}
interface NativeDatabase {
  prepare(sql: string): NativeStatement;
  exec(sql: string): void;
  close(): void;
}
type NativeDatabaseClass = new (path: string, options: { timeout: number }) => NativeDatabase;

/** The very `libsql` driver `@libsql/client` runs on, resolved from it (not a dependency of ours). */
function nativeDriver(): NativeDatabaseClass {
  const clientEntry = createRequire(import.meta.url).resolve('@libsql/client');
  return createRequire(clientEntry)('libsql') as NativeDatabaseClass;
}

interface Prepared {
  stmt: NativeStatement;
  columns: string[];
  columnTypes: string[];
  makeRow: (values: unknown[]) => Row;
}

const VALUES = Symbol('values');

/**
 * Rows shaped like `@libsql/client`'s (named fields enumerable; indexes and `length` readable
 * but not enumerable; the first of two same-named columns wins), built without a
 * `defineProperty` per cell: indexes are getters on a prototype shared by the statement's rows.
 */
function rowMaker(columns: readonly string[]): (values: unknown[]) => Row {
  const proto: Record<PropertyKey, unknown> = {};
  columns.forEach((_, i) => {
    Object.defineProperty(proto, i, {
      get(this: { [VALUES]: unknown[] }) {
        return this[VALUES][i];
      },
    });
  });
  Object.defineProperty(proto, 'length', { value: columns.length });
  const named: [string, number][] = [];
  const seen = new Set<string>();
  columns.forEach((name, i) => {
    // An index-like name is shadowed by the index itself, as in the client's rows.
    const isIndex = /^(0|[1-9]\d*)$/.test(name) && Number(name) < columns.length;
    if (!seen.has(name) && !isIndex) named.push([name, i]);
    seen.add(name);
  });
  return (values) => {
    const row = Object.create(proto) as Record<PropertyKey, unknown>;
    row[VALUES] = values;
    for (const [name, i] of named) row[name] = values[i];
    return row as unknown as Row;
  };
}

/** Arguments the native driver takes as they are; anything else goes the client's way. */
function plainArgs(args: InArgs | undefined): unknown[] | undefined {
  if (args === undefined) return [];
  if (!Array.isArray(args)) return undefined;
  for (const value of args) {
    if (value === null || typeof value === 'string') continue;
    if (typeof value === 'number' && Number.isFinite(value)) continue;
    return undefined;
  }
  return args;
}

/** SQLite values as `@libsql/client` (intMode "number") hands them out; `undefined` for an unsafe integer. */
function cellsOf(raw: unknown[]): unknown[] | undefined {
  const out = new Array<unknown>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const value = raw[i];
    if (typeof value === 'bigint') {
      if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) return undefined;
      out[i] = Number(value);
    } else if (value instanceof Buffer) out[i] = value.buffer;
    else out[i] = value;
  }
  return out;
}

/**
 * Plain `SELECT`s on a local file, on a connection of their own whose prepared statements are
 * kept: `@libsql/client` prepares (and describes) every statement anew, which cost more than
 * running it. Under WAL this connection reads the last committed state, as the client's other
 * connections do; writes and transactions stay with the client. Anything unusual (named
 * arguments, booleans, dates, blobs as arguments, integers past 2^53, any driver error) is
 * declined so the client answers it, errors included, exactly as before.
 */
function cachedReads(path: string): ReadPath & { close(): void } {
  const Database = nativeDriver();
  const native = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  native.exec('PRAGMA temp_store = MEMORY; PRAGMA cache_size = -8000');
  const statements = new Map<string, Prepared>();

  function prepared(text: string): Prepared {
    let entry = statements.get(text);
    if (!entry) {
      const stmt = native.prepare(text).safeIntegers(true).raw(true);
      const described = stmt.columns();
      const columns = described.map((column) => column.name);
      entry = { stmt, columns, columnTypes: described.map((column) => column.type ?? ''), makeRow: rowMaker(columns) };
      if (statements.size >= MAX_STATEMENTS) statements.clear();
      statements.set(text, entry);
    }
    return entry;
  }

  return {
    execute(stmt, maybeArgs) {
      const text = typeof stmt === 'string' ? stmt : stmt.sql;
      if (!/^\s*select\s/i.test(text)) return undefined;
      const args = plainArgs(typeof stmt === 'string' ? maybeArgs : stmt.args);
      if (!args) return undefined;
      try {
        const { stmt: statement, columns, columnTypes, makeRow } = prepared(text);
        const rows: Row[] = [];
        for (const raw of statement.all(args)) {
          const cells = cellsOf(raw);
          if (!cells) return undefined;
          rows.push(makeRow(cells));
        }
        return resultSet(columns, columnTypes, rows);
      } catch {
        return undefined;
      }
    },
    close() {
      statements.clear();
      native.close();
    },
  };
}

function resultSet(columns: string[], columnTypes: string[], rows: Row[]): ResultSet {
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected: 0,
    lastInsertRowid: undefined,
    toJSON: () => ({ columns, columnTypes, rows: rows.map((row) => Array.from({ length: columns.length }, (_, i) => cellToJson(row[i]))), rowsAffected: 0, lastInsertRowid: null }),
  };
}

/** As `@libsql/client` writes a cell in `toJSON`: blobs in base64. */
function cellToJson(value: unknown): unknown {
  return value instanceof ArrayBuffer ? Buffer.from(value).toString('base64') : value;
}

/** The handle a transaction callback receives: the same query API as `Db`, bound to the transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Tx;
