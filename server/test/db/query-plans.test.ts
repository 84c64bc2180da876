import type { Client, InStatement } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.js';
import * as schema from '../../src/db/schema.js';
import { taxIdCheckRepository } from '../../src/tax-ids/repository.js';

/**
 * The background scans read through an index, not the whole table: the statements the
 * repositories send, recorded on their way to the migrated database and planned by SQLite.
 */
const handle = await createDb(':memory:');
afterAll(() => handle.close());

const sent: InStatement[] = [];
const recording = new Proxy(handle.client, {
  get(target, property) {
    if (property === 'execute') return (statement: InStatement) => (sent.push(statement), target.execute(statement));
    const value: unknown = Reflect.get(target, property);
    return typeof value === 'function' ? value.bind(target) : value;
  },
}) as Client;
const db = drizzle({ client: recording, schema });

async function planOfLast(): Promise<string> {
  const statement = sent.at(-1)!;
  const { sql, args } = typeof statement === 'string' ? { sql: statement, args: [] } : statement;
  const result = await handle.client.execute({ sql: `explain query plan ${sql}`, args: args as never });
  return result.rows.map((row) => String(row['detail'])).join('\n');
}

describe('query plans', () => {
  it('the tax id recheck scan uses customer_tax_ids_due_idx', async () => {
    await taxIdCheckRepository.due(db as never, false, ['eu_vat'], Date.UTC(2026, 0, 1), 50);
    const plan = await planOfLast();
    expect(plan).toContain('customer_tax_ids_due_idx');
  });
});
