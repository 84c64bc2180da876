import { createClient, type Row } from '@libsql/client';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../src/db/client.js';
import { sequences } from '../../src/db/schema.js';

// File databases answer plain SELECTs from a connection with kept statements; these tests hold
// its answers to what `@libsql/client` itself returns for the same file.
const dir = mkdtempSync(join(tmpdir(), 'abona-reads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
let handle: DbHandle;
let path: string;
beforeEach(async () => {
  path = join(dir, `reads-${++n}.db`);
  handle = await createDb(`file:${path}`);
});
afterEach(() => handle.close());

/** What a row looks like from the outside: enumerable keys, indexes, length, JSON. */
function shape(row: Row) {
  return {
    keys: Object.keys(row),
    indexed: Array.prototype.slice.call(row),
    length: row.length,
    json: JSON.stringify(row),
  };
}

/** The same statement through a plain `@libsql/client` on the same file. */
async function reference(text: string, args: (string | number | null)[] = []) {
  const plain = createClient({ url: `file:${path}` });
  try {
    return await plain.execute({ sql: text, args });
  } finally {
    plain.close();
  }
}

describe('plain reads on a file database', () => {
  it('return rows shaped exactly like the client’s, duplicate and index-like names included', async () => {
    const text = 'select 1 as a, ? as b, null as c, 2.5 as a, 7 as "0", x\'00ff\' as blob';
    const ours = await handle.client.execute({ sql: text, args: ['x'] });
    const theirs = await reference(text, ['x']);
    expect(ours.columns).toEqual(theirs.columns);
    expect(ours.columnTypes).toEqual(theirs.columnTypes);
    expect(ours.rows.map((row) => ({ ...shape(row), blob: undefined }))).toEqual(
      theirs.rows.map((row) => ({ ...shape(row), blob: undefined })),
    );
    expect(new Uint8Array(ours.rows[0]?.blob as ArrayBuffer).subarray(0, 2)).toEqual(
      new Uint8Array([0, 255]),
    );
    expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
    // Answered by the kept statement (its rows share a prototype), not by the client.
    expect(Object.getPrototypeOf(ours.rows[0])).not.toBe(Object.prototype);
  });

  it('see every committed write at once, also from another connection', async () => {
    await handle.db.insert(sequences).values({ livemode: false, name: 'a', value: 1 });
    expect(await handle.db.select().from(sequences)).toEqual([{ livemode: false, name: 'a', value: 1 }]);
    const other = createClient({ url: `file:${path}` });
    await other.execute("update sequences set value = 2 where name = 'a'");
    other.close();
    expect((await handle.db.select().from(sequences))[0]?.value).toBe(2);
  });

  it('leave integers past 2^53 to the client, which refuses them as before', async () => {
    const text = 'select 9007199254740993 as big';
    await expect(handle.client.execute(text)).rejects.toThrow(RangeError);
    await expect(reference(text)).rejects.toThrow(RangeError);
  });

  it('report SQL errors the way the client does', async () => {
    const error = await handle.db.all(sql`select * from no_such_table`).catch((e: unknown) => e);
    expect((error as { cause: unknown }).cause).toMatchObject({ name: 'LibsqlError', code: 'SQLITE_ERROR' });
  });

  it('round-trip any stored value like the client (property)', async () => {
    await handle.client.execute('create table t (k integer primary key, v)');
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constant(null),
      fc.maxSafeInteger(),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(value, { maxLength: 8 }), async (values) => {
        await handle.client.execute('delete from t');
        for (const [k, v] of values.entries())
          await handle.client.execute({ sql: 'insert into t (k, v) values (?, ?)', args: [k, v] });
        const text = 'select k, v, typeof(v) as type from t where k >= ? order by k';
        const ours = await handle.client.execute({ sql: text, args: [0] });
        const theirs = await reference(text, [0]);
        expect(ours.rows.map(shape)).toEqual(theirs.rows.map(shape));
      }),
      { numRuns: 30 },
    );
  });

  it('keep small answers only while nothing is committed: reads after any writer’s commit are fresh (property)', async () => {
    await handle.client.execute('create table kv (k integer primary key, v text)');
    const other = createClient({ url: `file:${path}` });
    const op = fc.oneof(
      fc.record({ kind: fc.constant('read' as const), k: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ kind: fc.constantFrom('ours' as const, 'other' as const), k: fc.integer({ min: 0, max: 3 }), v: fc.string({ maxLength: 4 }) }),
    );
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { maxLength: 12 }), async (ops) => {
          await handle.client.execute('delete from kv');
          const model = new Map<number, string>();
          for (const step of ops) {
            if (step.kind === 'read') {
              const { rows } = await handle.client.execute({ sql: 'select v from kv where k = ?', args: [step.k] });
              expect(rows.map((row) => row.v)).toEqual(model.has(step.k) ? [model.get(step.k)] : []);
              continue;
            }
            const writer = step.kind === 'ours' ? handle.client : other;
            await writer.execute({ sql: 'insert into kv (k, v) values (?, ?) on conflict (k) do update set v = excluded.v', args: [step.k, step.v] });
            model.set(step.k, step.v);
          }
        }),
        { numRuns: 40 },
      );
    } finally {
      other.close();
    }
  });

  it('hand each caller rows of its own from a kept answer', async () => {
    await handle.db.insert(sequences).values({ livemode: false, name: 'a', value: 1 });
    const first = await handle.client.execute('select name, value from sequences');
    const second = await handle.client.execute('select name, value from sequences');
    expect(second.rows[0]).not.toBe(first.rows[0]);
    (first.rows[0] as Record<string, unknown>).value = 99;
    expect(shape(second.rows[0] as Row)).toEqual(shape((await reference('select name, value from sequences')).rows[0] as Row));
  });
});
