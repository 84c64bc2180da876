import type { Client, InStatement, InValue, Transaction } from '@libsql/client';
import type { Harness } from '../helpers.js';

/** Every statement the database ran while recording, with its arguments. */
export function recordStatements(h: Pick<Harness, 'db'>): { statements: Map<string, InValue[]>; stop(): void } {
  const statements = new Map<string, InValue[]>();
  const note = (stmt: InStatement | string, args?: unknown) => {
    const text = typeof stmt === 'string' ? stmt : stmt.sql;
    const values = (typeof stmt === 'string' ? args : stmt.args) ?? [];
    if (Array.isArray(values) && !statements.has(text)) statements.set(text, values as InValue[]);
  };
  const recording = <T extends Client | Transaction>(target: T): T =>
    new Proxy(target, {
      get(object, prop, receiver) {
        const value = Reflect.get(object, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        const fn = value as (...args: unknown[]) => unknown;
        if (prop === 'execute') return (stmt: InStatement, args?: unknown) => (note(stmt, args), fn.call(object, stmt, args));
        if (prop === 'batch') return (stmts: InStatement[], mode?: unknown) => (stmts.forEach((stmt) => note(stmt)), fn.call(object, stmts, mode));
        if (prop === 'transaction') return async (mode?: unknown) => recording((await fn.call(object, mode)) as Transaction);
        return fn.bind(object);
      },
    });
  // drizzle runs every query on its session's client (or the transaction it opened from it).
  const session = (h.db as unknown as { session: { client: Client } }).session;
  const client = session.client;
  session.client = recording(client);
  return { statements, stop: () => (session.client = client) };
}

/** `EXPLAIN QUERY PLAN` of each statement, as SQLite reports its steps. */
export async function plans(h: Pick<Harness, 'client'>, statements: Map<string, InValue[]>): Promise<{ sql: string; steps: string[] }[]> {
  const out: { sql: string; steps: string[] }[] = [];
  for (const [text, args] of statements) {
    if (!/^\s*(select|insert|update|delete|with)\b/i.test(text)) continue;
    const result = await h.client.execute({ sql: `explain query plan ${text}`, args });
    out.push({ sql: text, steps: result.rows.map((row) => String(row.detail)) });
  }
  return out;
}

/**
 * A step that reads rows of a table without narrowing them by anything but the mode: a full
 * scan, a range over an index on `livemode` alone (all of a mode: the whole table in practice),
 * or a walk of the primary key (every row ever written, a page at a time). Each grows with the
 * table, so a billing run would slow down as the data grows.
 */
export const unbounded = (step: string) =>
  /^SCAN (?!v\b|\d+ CONSTANT ROWS|CONSTANT ROW\b|json_each)\w+/.test(step) || /USING (COVERING )?INDEX \w+ \(livemode=\?\)$/.test(step) || /INDEX sqlite_autoindex_\w+ \(id[<>]\?\)$/.test(step);
