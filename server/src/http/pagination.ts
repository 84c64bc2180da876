import type { List, ListParams } from '@abona/api';
import { and, asc, desc, eq, gt, lt, or, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { InvalidRequest } from '../errors/index.js';

export const DEFAULT_PAGE_SIZE = 10;

/** A page to fetch: newest first, after (older than) or before (newer than) a cursor object. */
export interface PageRequest {
  limit: number;
  cursor: { id: string; direction: 'after' | 'before' } | undefined;
}

export interface Page<Row> {
  rows: Row[];
  hasMore: boolean;
}

/** Reads `limit`, `starting_after`, `ending_before`; both cursors at once is a 400. */
export function pageRequest(params: ListParams): PageRequest {
  if (params.starting_after !== undefined && params.ending_before !== undefined) {
    throw new InvalidRequest('Use either starting_after or ending_before, not both', 'ending_before');
  }
  const limit = params.limit ?? DEFAULT_PAGE_SIZE;
  if (params.starting_after !== undefined) return { limit, cursor: { id: params.starting_after, direction: 'after' } };
  if (params.ending_before !== undefined) return { limit, cursor: { id: params.ending_before, direction: 'before' } };
  return { limit, cursor: undefined };
}

interface KeysetColumns {
  createdAt: SQLiteColumn;
  id: SQLiteColumn;
}

export interface PaginateOptions<Row> {
  page: PageRequest;
  columns: KeysetColumns;
  /** Loads the cursor object (in the caller's mode); missing means a 400 on the cursor param. */
  find: (id: string) => Promise<Row | undefined>;
  /** Runs the select with the keyset condition, order and limit. */
  query: (keyset: SQL | undefined, order: SQL[], limit: number) => Promise<Row[]>;
}

/**
 * Keyset pagination over (created_at, id), newest first, stable when rows share a timestamp.
 * Fetches one row more than asked to know `has_more` without counting.
 */
export async function paginate<Row extends { id: string; createdAt: number }>(options: PaginateOptions<Row>): Promise<Page<Row>> {
  const { page, columns } = options;
  let keyset: SQL | undefined;
  const before = page.cursor?.direction === 'before';
  if (page.cursor) {
    const cursorRow = await options.find(page.cursor.id);
    if (!cursorRow) {
      const param = before ? 'ending_before' : 'starting_after';
      throw new InvalidRequest(`No such object: '${page.cursor.id}'`, param, 'resource_missing');
    }
    const compare = before ? gt : lt;
    keyset = or(compare(columns.createdAt, cursorRow.createdAt), and(eq(columns.createdAt, cursorRow.createdAt), compare(columns.id, cursorRow.id)));
  }
  const order = before ? [asc(columns.createdAt), asc(columns.id)] : [desc(columns.createdAt), desc(columns.id)];
  const rows = await options.query(keyset, order, page.limit + 1);
  const hasMore = rows.length > page.limit;
  const pageRows = rows.slice(0, page.limit);
  if (before) pageRows.reverse();
  return { rows: pageRows, hasMore };
}

/** The list envelope. */
export function toList<Row, T>(page: Page<Row>, url: string, serialize: (row: Row) => T): List<T> {
  return { object: 'list', data: page.rows.map(serialize), has_more: page.hasMore, url };
}
