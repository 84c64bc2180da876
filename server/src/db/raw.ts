/**
 * Hot statements without drizzle's query builder: multi-row inserts, set-based updates and
 * row reads of one table, encoded and decoded by the table's own drizzle columns (JSON, booleans)
 * and run on the executor's libSQL client or transaction. Building a statement of a few thousand
 * parameters through the builder costs far more than SQLite takes to run it (the billing run
 * spent most of its time there); the SQL text here is built once per table and row count.
 */
import type { InValue, ResultSet, Row } from '@libsql/client';
import { getTableColumns, getTableName, is, SQL, type Column } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Executor } from './client.js';

/** What the executor runs on: its transaction when it is one, else the (serialized) client. */
interface Session {
  client: { execute(stmt: { sql: string; args: InValue[] }): Promise<ResultSet> };
  tx?: { execute(stmt: { sql: string; args: InValue[] }): Promise<ResultSet> } | undefined;
}

/** Runs `sql` with positional `args` where `ex` runs its queries (inside its transaction, if any). */
export function execute(ex: Executor, sql: string, args: readonly unknown[]): Promise<ResultSet> {
  // drizzle keeps the libSQL client and the open transaction on the session (not in its types).
  const session = (ex as unknown as { session: Session }).session;
  const stmt = { sql, args: args as InValue[] };
  return session.tx ? session.tx.execute(stmt) : session.client.execute(stmt);
}

interface Codec {
  name: string;
  /** Property names (camelCase) in column order. */
  keys: string[];
  columns: Column[];
  byKey: Map<string, { name: string; column: Column }>;
  /** `"a", "b", …` */
  list: string;
}

const codecs = new WeakMap<SQLiteTable, Codec>();

function codecOf(table: SQLiteTable): Codec {
  let codec = codecs.get(table);
  if (!codec) {
    const entries = Object.entries(getTableColumns(table)) as [string, Column][];
    codec = {
      name: `"${getTableName(table)}"`,
      keys: entries.map(([key]) => key),
      columns: entries.map(([, column]) => column),
      byKey: new Map(entries.map(([key, column]) => [key, { name: `"${column.name}"`, column }])),
      list: entries.map(([, column]) => `"${column.name}"`).join(', '),
    };
    codecs.set(table, codec);
  }
  return codec;
}

/** A value as drizzle binds it for this column (JSON text, 0/1…), null as null. */
function encode(column: Column, value: unknown): unknown {
  return value === null ? null : column.mapToDriverValue(value);
}

/** A value left out of an insert row: the column's default as drizzle's insert would fill it. */
function defaultOf(column: Column): unknown {
  if (column.default !== undefined && column.default !== null) {
    if (is(column.default, SQL)) throw new Error(`raw insert: give "${column.name}" a value (its default is SQL)`);
    return encode(column, column.default);
  }
  if (column.defaultFn !== undefined) return encode(column, column.defaultFn());
  if (column.onUpdateFn !== undefined) return encode(column, column.onUpdateFn());
  return null;
}

/** SQLite's limit is 32,766 parameters per statement; slices stay well below it. */
const MAX_PARAMS = 16_000;

/**
 * Inserts rows with multi-row `INSERT`s (as many rows per statement as the parameter limit
 * allows, at most `rowsPerStatement`), values encoded by the table's columns exactly as drizzle's
 * `insert().values()` would. `onConflictDoNothing`: the conflict target's column keys (rows
 * conflicting there are skipped), or `true` for any constraint. Returns the number of rows inserted.
 */
export async function insertRows<T extends SQLiteTable>(
  ex: Executor,
  table: T,
  rows: readonly T['$inferInsert'][],
  options: { onConflictDoNothing?: readonly (keyof T['$inferInsert'] & string)[] | true; rowsPerStatement?: number } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const codec = codecOf(table);
  const width = codec.columns.length;
  const perStatement = Math.max(1, Math.min(options.rowsPerStatement ?? 1000, Math.floor(MAX_PARAMS / width)));
  const tuple = `(${codec.columns.map(() => '?').join(', ')})`;
  const target = options.onConflictDoNothing;
  const conflict = target === true
    ? ' on conflict do nothing'
    : target
    ? ` on conflict (${target.map((key) => (codec.byKey.get(key) as { name: string }).name).join(', ')}) do nothing`
    : '';
  let inserted = 0;
  for (let from = 0; from < rows.length; from += perStatement) {
    const slice = rows.slice(from, from + perStatement);
    const args = new Array<unknown>(slice.length * width);
    let at = 0;
    for (const row of slice) {
      const record = row as Record<string, unknown>;
      for (let i = 0; i < width; i++) {
        const value = record[codec.keys[i] as string];
        const column = codec.columns[i] as Column;
        args[at++] = value === undefined ? defaultOf(column) : encode(column, value);
      }
    }
    const sql = `insert into ${codec.name} (${codec.list}) values ${new Array(slice.length).fill(tuple).join(', ')}${conflict}`;
    inserted += (await execute(ex, sql, args)).rowsAffected;
  }
  return inserted;
}

/** A row of the table from a result row (its columns in table order), decoded as drizzle's `select()` does. */
function decoder<T extends SQLiteTable>(codec: Codec): (row: Row) => T['$inferSelect'] {
  return (row) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < codec.keys.length; i++) {
      const value = row[i];
      out[codec.keys[i] as string] = value === null || value === undefined ? null : (codec.columns[i] as Column).mapFromDriverValue(value);
    }
    return out as T['$inferSelect'];
  };
}

/** `"a", "b", …`: every column of the table, in the order {@link rowsOf} decodes. */
export function columnList(table: SQLiteTable): string {
  return codecOf(table).list;
}

/** Rows of a result whose columns are {@link columnList} (a `select` or `returning` of it), decoded. */
export function rowsOf<T extends SQLiteTable>(table: T, result: ResultSet): T['$inferSelect'][] {
  return result.rows.map(decoder<T>(codecOf(table)));
}

/**
 * Every column of the rows matching `where` (SQL over the table's column names, `?` for `args`),
 * decoded as drizzle's `select().from(table)` would.
 */
export async function selectRows<T extends SQLiteTable>(ex: Executor, table: T, where: string, args: readonly unknown[]): Promise<T['$inferSelect'][]> {
  const codec = codecOf(table);
  const result = await execute(ex, `select ${codec.list} from ${codec.name} where ${where}`, args);
  return result.rows.map(decoder<T>(codec));
}

/** `?, ?, ?` for a list of `n` values. */
export function placeholders(n: number): string {
  return new Array(n).fill('?').join(', ');
}

/**
 * Set-based update: each row's `set` values for the row whose `match` columns equal its `where`
 * values, in one `UPDATE … FROM (VALUES …)` per group of rows that set the same columns. Values
 * encoded by the table's columns as drizzle's `update().set()` would (undefined: left alone).
 * Returns the `match` values of the rows updated (`returning`), in no particular order, so a
 * caller can tell which conditional updates (a version check) lost.
 */
export async function updateRows<T extends SQLiteTable, K extends keyof T['$inferSelect'] & string>(
  ex: Executor,
  table: T,
  match: readonly K[],
  rows: readonly { where: Pick<T['$inferSelect'], K>; set: Partial<T['$inferSelect']> }[],
): Promise<unknown[][]> {
  if (rows.length === 0) return [];
  const codec = codecOf(table);
  const groups = new Map<string, { keys: string[]; rows: typeof rows[number][] }>();
  for (const row of rows) {
    const keys = Object.keys(row.set).filter((key) => (row.set as Record<string, unknown>)[key] !== undefined && codec.byKey.has(key));
    const id = keys.join(',');
    const group = groups.get(id) ?? { keys, rows: [] };
    group.rows.push(row);
    groups.set(id, group);
  }
  const updated: unknown[][] = [];
  for (const { keys, rows: grouped } of groups.values()) {
    if (keys.length === 0) continue;
    const width = match.length + keys.length;
    const perStatement = Math.max(1, Math.floor(MAX_PARAMS / width));
    const matchCols = match.map((key) => codec.byKey.get(key) as { name: string; column: Column });
    const setCols = keys.map((key) => codec.byKey.get(key) as { name: string; column: Column });
    const assignments = setCols.map((c, i) => `${c.name} = v.column${match.length + i + 1}`).join(', ');
    const condition = matchCols.map((c, i) => `${codec.name}.${c.name} = v.column${i + 1}`).join(' and ');
    const tuple = `(${new Array(width).fill('?').join(', ')})`;
    const returning = matchCols.map((c) => `${codec.name}.${c.name}`).join(', ');
    for (let from = 0; from < grouped.length; from += perStatement) {
      const slice = grouped.slice(from, from + perStatement);
      const args: unknown[] = [];
      for (const row of slice) {
        const where = row.where as Record<string, unknown>;
        const set = row.set as Record<string, unknown>;
        matchCols.forEach((c, i) => args.push(encode(c.column, where[match[i] as string])));
        setCols.forEach((c, i) => args.push(encode(c.column, set[keys[i] as string])));
      }
      const sql = `update ${codec.name} set ${assignments} from (values ${new Array(slice.length).fill(tuple).join(', ')}) as v where ${condition} returning ${returning}`;
      for (const row of (await execute(ex, sql, args)).rows) updated.push(matchCols.map((_, i) => row[i]));
    }
  }
  return updated;
}
