import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { listMode } from '../../db/in-mode.js';
import { customers, customerTaxIds, type CustomerRow, type CustomerTaxIdRow } from '../../db/schema.js';
import { paginate, type Page, type PageRequest } from '../../http/pagination.js';

/** Customer rows of one mode, with their tax ids. Deleted customers are hidden. */
export function customerRepository(db: Db) {
  const live = (livemode: boolean) => and(eq(customers.livemode, livemode), isNull(customers.deletedAt));
  const find = async (livemode: boolean, id: string): Promise<CustomerRow | undefined> => {
    const [row] = await db.select().from(customers).where(and(live(livemode), eq(customers.id, id))).limit(1);
    return row;
  };
  return {
    find,
    /** Tax ids of these customers, grouped by customer id, oldest first. */
    async taxIdsOf(customerIds: readonly string[]): Promise<Map<string, CustomerTaxIdRow[]>> {
      const grouped = new Map<string, CustomerTaxIdRow[]>();
      if (customerIds.length === 0) return grouped;
      const rows = await db
        .select()
        .from(customerTaxIds)
        .where(inArray(customerTaxIds.customerId, [...customerIds]))
        .orderBy(asc(customerTaxIds.createdAt), asc(customerTaxIds.id));
      for (const row of rows) grouped.set(row.customerId, [...(grouped.get(row.customerId) ?? []), row]);
      return grouped;
    },
    /** The customer and its tax ids, in one atomic batch. */
    async insert(row: CustomerRow, taxIds: CustomerTaxIdRow[]): Promise<void> {
      const insertCustomer = db.insert(customers).values(row);
      if (taxIds.length === 0) await insertCustomer;
      else await db.batch([insertCustomer, db.insert(customerTaxIds).values(taxIds)]);
    },
    /** Updates the row and, when given, replaces its tax ids, atomically. */
    async update(livemode: boolean, id: string, patch: Partial<CustomerRow>, taxIds?: CustomerTaxIdRow[]): Promise<void> {
      const write = db.update(customers).set(patch).where(and(live(livemode), eq(customers.id, id)));
      if (taxIds === undefined) {
        await write;
        return;
      }
      const remove = db.delete(customerTaxIds).where(eq(customerTaxIds.customerId, id));
      if (taxIds.length === 0) await db.batch([write, remove]);
      else await db.batch([write, remove, db.insert(customerTaxIds).values(taxIds)]);
    },
    list(livemode: boolean, filters: { email?: string | undefined }, page: PageRequest): Promise<Page<CustomerRow>> {
      const conditions: (SQL | undefined)[] = [listMode(customers.livemode, livemode, [filters.email]), isNull(customers.deletedAt)];
      if (filters.email !== undefined) conditions.push(sql`lower(${customers.email}) = ${filters.email.toLowerCase()}`);
      return paginate({
        page,
        columns: { createdAt: customers.createdAt, id: customers.id },
        find: (id) => find(livemode, id),
        query: (keyset, order, limit) =>
          db
            .select()
            .from(customers)
            .where(and(...conditions, keyset))
            .orderBy(...order)
            .limit(limit),
      });
    },
  };
}
export type CustomerRepository = ReturnType<typeof customerRepository>;
