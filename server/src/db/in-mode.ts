import { eq, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * The mode filter of a query whose rows are narrowed by something else (ids, a customer, a
 * subscription), kept off the indexes with SQLite's unary `+`.
 *
 * Why: without statistics SQLite guesses that `livemode = ?` on an index led by `livemode`
 * matches ~10 rows, so for a list of more than ~10 ids, or to skip a sort, it ranged over every
 * row of the mode (in practice the whole table) instead of looking the rows up; the billing run
 * slowed down as the tables grew (20 ms per batch statement at 50,000 invoices). With `+` only
 * the selective index is left to search. Not for keys unique per mode (an index on
 * `livemode, key`): those need the mode on the index. Tests check the plans of the billing run
 * (`test/lifecycle/run-query-plans.test.ts`) and of narrowed lists (`test/db/list-query-plans.test.ts`).
 */
export const MODE_FILTER = '+"livemode" = ?';

/** {@link MODE_FILTER} for drizzle: `+"table"."livemode" = 0|1`. */
export function inMode(column: SQLiteColumn, livemode: boolean): SQL {
  return sql`+${column} = ${livemode ? 1 : 0}`;
}

/**
 * The mode filter of a list page: off the indexes ({@link inMode}) when a filter with an index of
 * its own narrows the rows (a customer's invoices: their index, then a sort of those few), on the
 * list index `(livemode, created_at, id)` otherwise (newest first without a sort, stopping at the
 * page's end). On the list index a narrowed page walked the mode's rows until it had found a
 * page of the customer's, every row of the table for a customer with few.
 */
export function listMode(column: SQLiteColumn, livemode: boolean, indexedFilters: readonly unknown[]): SQL {
  return indexedFilters.some((value) => value !== undefined) ? inMode(column, livemode) : eq(column, livemode);
}
