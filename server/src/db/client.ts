import { createClient, LibsqlError, type Client, type InArgs, type InStatement, type ResultSet, type Row, type Transaction, type TransactionMode } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema.js';
import { keepable, readKey, resultsUntilChange } from './results-until-change.js';
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
  const writes = path ? cachedTransactions(path) : undefined;
  const client = serializedClient(raw, { exclusive: !path, ...(reads ? { reads } : {}), ...(writes ? { transactions: writes.begin } : {}) });
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder });
  return {
    db,
    client,
    close: () => {
      reads?.close();
      writes?.close();
      raw.close();
    },
  };
}

const BUSY_TIMEOUT_MS = 5000;
/** Page cache of the write connection, KiB (SQLite's default is 2,000). */
const WRITE_CACHE_KIB = 8_000;
/** WAL pages between automatic checkpoints on the write connection (SQLite's default is 1,000). */
const WAL_CHECKPOINT_PAGES = 10_000;
/** Distinct SQL texts kept prepared; drizzle builds the same text for the same query shape. */
const MAX_STATEMENTS = 500;

/** The slice of the `libsql` driver (better-sqlite3's API) the read path uses. */
interface NativeStatement {
  raw(on?: boolean): NativeStatement;
  safeIntegers(on?: boolean): NativeStatement;
  columns(): { name: string; type: string | null }[];
  all(args: unknown[]): unknown[][];
}
interface NativeWriteStatement extends NativeStatement {
  run(args: unknown[] | Record<string, unknown>): { changes: number; lastInsertRowid: number | bigint };
}
interface NativeDatabase {
  prepare(sql: string): NativeWriteStatement;
  exec(sql: string): void;
  close(): void;
  readonly inTransaction: boolean;
}
type NativeDatabaseClass = (new (path: string, options: { timeout: number }) => NativeDatabase) & {
  SqliteError: new (...args: never[]) => Error & { code: string; rawCode?: number };
};

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
  /** Whether its answers may be kept until the data changes (see results-until-change.ts). */
  keepable: boolean;
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
 * declined so the client answers it, errors included, exactly as before. Small answers are kept
 * until the database changes (`resultsUntilChange`): a repeated lookup costs a version check.
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
      entry = { stmt, columns, columnTypes: described.map((column) => column.type ?? ''), makeRow: rowMaker(columns), keepable: keepable(text) };
      if (statements.size >= MAX_STATEMENTS) statements.clear();
      statements.set(text, entry);
    }
    return entry;
  }

  const dataVersion = native.prepare('PRAGMA data_version').raw(true);
  const results = resultsUntilChange(() => Number(dataVersion.all([])[0]?.[0]));

  return {
    execute(stmt, maybeArgs) {
      const text = typeof stmt === 'string' ? stmt : stmt.sql;
      if (!/^\s*select\s/i.test(text)) return undefined;
      const args = plainArgs(typeof stmt === 'string' ? maybeArgs : stmt.args);
      if (!args) return undefined;
      try {
        const { stmt: statement, columns, columnTypes, makeRow, keepable } = prepared(text);
        const key = keepable ? readKey(text, args) : undefined;
        const kept = key === undefined ? undefined : results.lookup(key);
        if (kept) return resultSet(columns, columnTypes, kept.map(makeRow));
        const all: unknown[][] = [];
        for (const raw of statement.all(args)) {
          const cells = cellsOf(raw);
          if (!cells) return undefined;
          all.push(cells);
        }
        if (key !== undefined) results.keep(key, all);
        return resultSet(columns, columnTypes, all.map(makeRow));
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

interface WritePrepared {
  stmt: NativeWriteStatement;
  /** Null for statements that return no rows. */
  reader: { columns: string[]; columnTypes: string[]; makeRow: (values: unknown[]) => Row } | null;
}

/** `@libsql/client`'s BEGIN for each transaction mode. */
const BEGIN: Record<TransactionMode, string> = { write: 'BEGIN IMMEDIATE', read: 'BEGIN TRANSACTION READONLY', deferred: 'BEGIN DEFERRED' };

/** An argument as `@libsql/client` (intMode "number") binds it. */
function bindable(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments');
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database');
  return value;
}

/**
 * Write transactions on a local file, on one connection of their own whose prepared statements
 * are kept (the client prepares and describes every statement anew: most of a small statement's
 * cost). Transactions are serialized in the process (see `serializedClient`), so one connection
 * serves them all. Results and errors are shaped as the client's (`LibsqlError` with the
 * SQLite codes), so callers see no difference.
 */
function cachedTransactions(path: string): { begin(mode?: TransactionMode): Transaction; close(): void } {
  const Database = nativeDriver();
  const native = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  // As on the client's first connection: WAL + NORMAL (commits without an fsync each).
  native.exec('PRAGMA synchronous = NORMAL');
  // A batch writer's pages: the ends of the indexes (ids are time-ordered) and the rows it reads
  // back. An 8 MB page cache holds them (the billing run was as fast with 32 MB, and 20 MB
  // lighter); a checkpoint every ~40 MB of WAL (instead of 4 MB) syncs the file ten times less
  // often, which halved the run's wall time when it was waiting on the disk.
  native.exec(`PRAGMA cache_size = -${WRITE_CACHE_KIB}; PRAGMA wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  const statements = new Map<string, WritePrepared>();

  function prepared(text: string): WritePrepared {
    let entry = statements.get(text);
    if (!entry) {
      const stmt = native.prepare(text);
      stmt.safeIntegers(true);
      let reader: WritePrepared['reader'] = null;
      try {
        stmt.raw(true);
        const described = stmt.columns();
        const columns = described.map((column) => column.name);
        reader = { columns, columnTypes: described.map((column) => column.type ?? ''), makeRow: rowMaker(columns) };
      } catch {
        // raw() throws for a statement that returns no data, as in the client.
      }
      entry = { stmt, reader };
      if (statements.size >= MAX_STATEMENTS) statements.clear();
      statements.set(text, entry);
    }
    return entry;
  }

  function mapError(error: unknown): unknown {
    if (!(error instanceof Database.SqliteError)) return error;
    const rawCode = error.rawCode;
    return new LibsqlError(error.message, baseCode(rawCode), error.code, rawCode, error);
  }

  function run(stmt: InStatement, maybeArgs?: InArgs): ResultSet {
    const text = typeof stmt === 'string' ? stmt : stmt.sql;
    const given = typeof stmt === 'string' ? (maybeArgs ?? []) : (stmt.args ?? []);
    const args = Array.isArray(given)
      ? given.map(bindable)
      : Object.fromEntries(Object.entries(given).map(([name, value]) => [/^[@$:]/.test(name) ? name.slice(1) : name, bindable(value)]));
    let entry: WritePrepared;
    try {
      entry = prepared(text);
    } catch (error) {
      throw mapError(error);
    }
    const { stmt: statement, reader } = entry;
    if (reader) {
      let raws: unknown[][];
      try {
        raws = statement.all(args as unknown[]);
      } catch (error) {
        throw mapError(error);
      }
      const rows = raws.map((raw) => {
        const cells = cellsOf(raw);
        if (!cells) throw new RangeError('Received integer which cannot be safely represented as a JavaScript number');
        return reader.makeRow(cells);
      });
      return resultSet(reader.columns, reader.columnTypes, rows);
    }
    let info: { changes: number; lastInsertRowid: number | bigint };
    try {
      info = statement.run(args);
    } catch (error) {
      throw mapError(error);
    }
    const result = resultSet([], [], []);
    return { ...result, rowsAffected: info.changes, lastInsertRowid: BigInt(info.lastInsertRowid) };
  }

  function begin(mode: TransactionMode = 'write'): Transaction {
    run(BEGIN[mode]);
    let open = true;
    const finish = (sql: 'COMMIT' | 'ROLLBACK') => {
      if (!open) return;
      open = false;
      if (sql === 'COMMIT' || native.inTransaction) run(sql);
    };
    const check = () => {
      if (!open || !native.inTransaction) throw new LibsqlError('The transaction is closed', 'TRANSACTION_CLOSED');
    };
    const tx: Transaction = {
      execute: (stmt: InStatement, args?: InArgs) => {
        try {
          check();
          return Promise.resolve(run(stmt, args));
        } catch (error) {
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
      },
      batch: async (stmts) => {
        const results: ResultSet[] = [];
        for (const stmt of stmts) {
          check();
          results.push(Array.isArray(stmt) ? run(stmt[0] as string, stmt[1] as InArgs | undefined) : run(stmt as InStatement));
        }
        return results;
      },
      executeMultiple: async (sql: string) => {
        check();
        try {
          native.exec(sql);
        } catch (error) {
          throw mapError(error);
        }
      },
      rollback: async () => finish('ROLLBACK'),
      commit: async () => {
        check();
        finish('COMMIT');
      },
      close: () => {
        try {
          finish('ROLLBACK');
        } catch {
          // closing never throws
        }
      },
      get closed() {
        return !open || !native.inTransaction;
      },
    } as Transaction;
    return tx;
  }

  return {
    begin,
    close() {
      statements.clear();
      native.close();
    },
  };
}

/** `SQLITE_…` base code of a raw SQLite result code, as `@libsql/client` names it. */
function baseCode(rawCode: number | undefined): string {
  if (rawCode === undefined) return 'SQLITE_UNKNOWN';
  const base = rawCode & 0xff;
  return BASE_CODES[base] ?? `SQLITE_UNKNOWN_${base}`;
}

const BASE_CODES: Record<number, string> = Object.fromEntries(
  ['ERROR', 'INTERNAL', 'PERM', 'ABORT', 'BUSY', 'LOCKED', 'NOMEM', 'READONLY', 'INTERRUPT', 'IOERR', 'CORRUPT', 'NOTFOUND', 'FULL', 'CANTOPEN', 'PROTOCOL', 'EMPTY', 'SCHEMA', 'TOOBIG', 'CONSTRAINT', 'MISMATCH', 'MISUSE', 'NOLFS', 'AUTH', 'FORMAT', 'RANGE', 'NOTADB', 'NOTICE', 'WARNING'].map((name, i) => [i + 1, `SQLITE_${name}`]),
);

/** The handle a transaction callback receives: the same query API as `Db`, bound to the transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Tx;
