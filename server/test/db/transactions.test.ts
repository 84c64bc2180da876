import { eq, sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.js';
import { sequences } from '../../src/db/schema.js';

const dir = mkdtempSync(join(tmpdir(), 'abona-tx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Read-modify-write of a counter: without serialized transactions, concurrent runs lose updates. */
async function increment(db: Awaited<ReturnType<typeof createDb>>['db']) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(sequences).where(eq(sequences.name, 'n'));
    await new Promise((r) => setTimeout(r, 1));
    if (!row) await tx.insert(sequences).values({ livemode: false, name: 'n', value: 1 });
    else await tx.update(sequences).set({ value: row.value + 1 }).where(eq(sequences.name, 'n'));
  });
}

describe.each([
  ['memory', ':memory:'],
  ['file', `file:${join(dir, 'tx.db')}`],
])('transactions on a %s database', (_name, url) => {
  it('run one at a time, with reads in between, and lose no update', async () => {
    const { db, close } = await createDb(url);
    const reads = Array.from({ length: 20 }, () => db.select().from(sequences));
    await Promise.all([...Array.from({ length: 50 }, () => increment(db)), ...reads]);
    const [row] = await db.select().from(sequences).where(eq(sequences.name, 'n'));
    expect(row?.value).toBe(50);
    close();
  });

  it('roll back entirely when the callback throws, and the queue moves on', async () => {
    const { db, close } = await createDb(url);
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(sequences).values({ livemode: true, name: 'half', value: 1 });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await db.select().from(sequences).where(eq(sequences.name, 'half'));
    expect(rows).toHaveLength(0);
    const [{ n }] = (await db.all(sql`select 1 as n`)) as [{ n: number }];
    expect(n).toBe(1);
    close();
  });
});
