import type { Client, InStatement, InValue, Transaction } from '@libsql/client';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { gatewayRecords } from '../../src/db/schema.js';
import { NOW_MS } from '../checkout/helpers.js';
import { customerWith, DAY_MS, setupLifecycle, subscribe, type LifecycleHarness } from './helpers.js';

/** Every statement the database ran while recording, with its arguments. */
function recordStatements(h: LifecycleHarness): { statements: Map<string, InValue[]>; stop(): void } {
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
async function plans(h: LifecycleHarness, statements: Map<string, InValue[]>): Promise<{ sql: string; steps: string[] }[]> {
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
const unbounded = (step: string) =>
  /^SCAN (?!v\b|\d+ CONSTANT ROWS|json_each)\w+/.test(step) || /USING (COVERING )?INDEX \w+ \(livemode=\?\)$/.test(step) || /INDEX sqlite_autoindex_\w+ \(id[<>]\?\)$/.test(step);

describe("the billing run's statements", () => {
  it('look rows up by key: none scans a table or ranges over a whole mode, at batch sizes past SQLite default estimates', async () => {
    const h = await setupLifecycle();
    // More rows per batch than SQLite's guess for an unanalyzed `livemode = ?` (10 rows), where it
    // used to prefer the mode index over the id lists; renewals, a trial end and a failing card.
    for (let i = 0; i < 24; i += 1) {
      const { customer } = await customerWith(h, 'tok_visa', { email: `c${i}@example.ro` });
      await subscribe(h, customer, i % 6 === 5 ? h.catalog.trial : h.catalog.monthly);
    }
    const failing = (await h.db.select({ id: gatewayRecords.id }).from(gatewayRecords).where(eq(gatewayRecords.tableName, 'paymentMethods'))).slice(0, 3);
    await h.db
      .update(gatewayRecords)
      .set({ data: sql`json_set(${gatewayRecords.data}, '$.behavior', 'decline_insufficient_funds')` })
      .where(and(eq(gatewayRecords.tableName, 'paymentMethods'), inArray(gatewayRecords.id, failing.map((row) => row.id))));

    const recorder = recordStatements(h);
    // The renewals and trial ends, then the first retries of the declined ones, with revenue recognition.
    const first = await h.services.lifecycle.runDue({ nowMs: NOW_MS + 31 * DAY_MS, batchSize: 50 });
    const retry = await h.services.lifecycle.runDue({ nowMs: NOW_MS + 33 * DAY_MS, batchSize: 50 });
    recorder.stop();
    expect(first).toMatchObject({ processed: 24, failed: 3, errors: [] });
    expect(retry.processed).toBe(3);

    const all = await plans(h, recorder.statements);
    expect(all.length).toBeGreaterThan(20);
    const offending = all.filter((plan) => plan.steps.some(unbounded));
    expect(offending).toEqual([]);
    h.close();
  });

  it('the check itself: a mode filter on an index catches an id list of more than ten', async () => {
    const h = await setupLifecycle();
    const ids = Array.from({ length: 20 }, (_, i) => `sub_${i}`);
    const recorded = new Map<string, InValue[]>([[`select "id" from "subscriptions" where "livemode" = ? and "id" in (${ids.map(() => '?').join(', ')})`, [0, ...ids]]]);
    const [plan] = await plans(h, recorded);
    expect(plan?.steps.some(unbounded)).toBe(true);
    h.close();
  });
});
