import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { gatewayRecords } from '../db/schema.js';
import type { SandboxStore, SandboxStoreTx, SandboxTable, SandboxTables } from './store.js';

/**
 * A {@link SandboxStore} in the `gateway_records` table (one JSON document per record), so the
 * sandbox's customers, payment methods and payments survive a restart and settle later.
 *
 * Each `transaction` is one database transaction: the database serializes them (in one process
 * through the serialized client, across processes through SQLite's write lock or PostgreSQL),
 * which is the isolation the sandbox relies on for idempotent charges. Never call the gateway
 * from inside another open transaction of the same database: it would wait for itself.
 */
export function createDbSandboxStore(db: Db): SandboxStore {
  return {
    transaction<R>(fn: (tx: SandboxStoreTx) => Promise<R>): Promise<R> {
      return db.transaction(async (tx) => {
        const store: SandboxStoreTx = {
          async get<T extends SandboxTable>(table: T, id: string): Promise<SandboxTables[T] | undefined> {
            const [row] = await tx
              .select({ data: gatewayRecords.data })
              .from(gatewayRecords)
              .where(and(eq(gatewayRecords.tableName, table), eq(gatewayRecords.id, id)))
              .limit(1);
            return row ? (JSON.parse(row.data) as SandboxTables[T]) : undefined;
          },
          async put<T extends SandboxTable>(table: T, id: string, record: SandboxTables[T]): Promise<void> {
            const data = JSON.stringify(record);
            await tx
              .insert(gatewayRecords)
              .values({ tableName: table, id, data })
              .onConflictDoUpdate({ target: [gatewayRecords.tableName, gatewayRecords.id], set: { data } });
          },
          async list<T extends SandboxTable>(table: T): Promise<SandboxTables[T][]> {
            const rows = await tx
              .select({ data: gatewayRecords.data })
              .from(gatewayRecords)
              .where(eq(gatewayRecords.tableName, table))
              .orderBy(asc(gatewayRecords.id));
            return rows.map((row) => JSON.parse(row.data) as SandboxTables[T]);
          },
        };
        return fn(store);
      });
    },
  };
}
