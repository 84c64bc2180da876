/**
 * The renewal benchmark's second floor: what one renewal actually wrote (read back from the
 * run's database), inserted N times into a fresh database of identical schema with multi-row
 * inserts, one transaction per batch of renewals. See renewals.bench.ts for why this floor
 * carries the goal.
 */
import type { Client, InValue, Row } from '@libsql/client';

/** The largest `rowid` of every table before the run: rows above it are the run's. */
export type RowidMarks = Map<string, number>;

/** The run's tables (the migrations' bookkeeping and the benchmark's own tables left out). */
export async function tablesOf(client: Client): Promise<string[]> {
  const result = await client.execute(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not like 'bench_%' order by name`);
  return result.rows.map((row) => String(row.name));
}

export async function rowidMarks(client: Client): Promise<RowidMarks> {
  const marks: RowidMarks = new Map();
  for (const table of await tablesOf(client)) {
    const result = await client.execute(`select coalesce(max(rowid), 0) as m from "${table}"`);
    marks.set(table, Number(result.rows[0]?.m ?? 0));
  }
  return marks;
}

interface TemplateTable {
  table: string;
  columns: string[];
  /** This renewal's rows, as stored. */
  rows: InValue[][];
  /** Rows per renewal over all renewed subscriptions: the run's new rows / renewals. */
  perRenewal: number;
}

export interface WriteSet {
  tables: TemplateTable[];
  /** Values that make a row unique (ids, numbers, keys): every copy gets its own, of the same width. */
  anchors: string[];
  /** Bytes of one renewal's rows (text lengths and 8 per number): the write set's width. */
  bytes: number;
}

/**
 * Columns whose values identify a row or the renewal it belongs to: copies must not share them.
 * (Not customer, price or method ids: those are shared by many renewals.)
 */
const ANCHOR_COLUMN = /^(id|invoice_id|subscription_id|source_id|journal_id|number|idempotency_key|gateway_ref)$/;
/** The short key columns searched for anchors (the JSON and email bodies are not searched, only copied). */
const KEY_COLUMN = /^(id|.*_id|.*_key|number|.*_ref)$/;

/**
 * The rows one renewal (of subscription `subscriptionId`) wrote in every table: new rows (above
 * the marks) that mention the subscription, or any id of a row found so far (its invoice, the
 * invoice's lines and payment, the payment's gateway records…), searched until nothing new turns up.
 */
export async function writeSetOf(client: Client, marks: RowidMarks, subscriptionId: string, renewals: number): Promise<WriteSet> {
  const anchors = new Set<string>([subscriptionId]);
  const found = new Map<string, Map<number, InValue[]>>();
  const columnsOf = new Map<string, string[]>();
  for (const [table] of marks) {
    const info = await client.execute(`pragma table_info("${table}")`);
    columnsOf.set(table, info.rows.filter((c) => String(c.type).toLowerCase() === 'text' && KEY_COLUMN.test(String(c.name))).map((c) => String(c.name)));
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const [table, mark] of marks) {
      const textColumns = columnsOf.get(table) ?? [];
      if (textColumns.length === 0) continue;
      const known = found.get(table) ?? new Map<number, InValue[]>();
      const list = [...anchors];
      const where = textColumns.map((c) => list.map(() => `instr(coalesce("${c}", ''), ?) > 0`).join(' or ')).join(' or ');
      const args = textColumns.flatMap(() => list);
      const result = await client.execute({ sql: `select rowid as _rowid, * from "${table}" where rowid > ? and (${where})`, args: [mark, ...args] });
      for (const row of result.rows) {
        const rowid = Number(row._rowid);
        if (known.has(rowid)) continue;
        const values = result.columns.slice(1).map((_, i) => row[i + 1] as InValue);
        known.set(rowid, values);
        result.columns.slice(1).forEach((column, i) => {
          const value = values[i];
          if (typeof value === 'string' && ANCHOR_COLUMN.test(column) && value.length >= 9 && !anchors.has(value)) {
            anchors.add(value);
            grew = true;
          }
        });
      }
      if (known.size > 0) found.set(table, known);
    }
  }
  const tables: TemplateTable[] = [];
  let bytes = 0;
  for (const [table, rows] of found) {
    const info = await client.execute(`pragma table_info("${table}")`);
    const counted = await client.execute({ sql: `select count(*) as n from "${table}" where rowid > ?`, args: [marks.get(table) ?? 0] });
    const values = [...rows.values()];
    for (const row of values) for (const v of row) bytes += typeof v === 'string' ? Buffer.byteLength(v) : 8;
    tables.push({ table, columns: info.rows.map((c) => String(c.name)), rows: values, perRenewal: Number(counted.rows[0]?.n ?? 0) / renewals });
  }
  // Longest first, so an anchor inside another (an invoice id inside its dedupe key) is replaced as a whole.
  return { tables, anchors: [...anchors].sort((a, b) => b.length - a.length), bytes };
}

const SQLITE_MAX_PARAMS = 32_000;

/**
 * Inserts `count` copies of the write set into `target` (fresh tables of the same schema):
 * per batch of `batch` renewals, one transaction with one multi-row insert per table (split
 * only at SQLite's parameter limit). Copy `i` replaces every anchor by a value of the same width
 * unique to (i, anchor), so unique keys hold and every row keeps its size. Building the values is
 * not timed: the floor is what the database takes to absorb the rows.
 * @returns seconds spent in the database.
 */
export async function insertCopies(target: Client, set: WriteSet, count: number, batch: number): Promise<number> {
  const pattern = new RegExp(set.anchors.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const index = new Map(set.anchors.map((a, i) => [a, i]));
  let seconds = 0;
  for (let from = 0; from < count; from += batch) {
    const to = Math.min(count, from + batch);
    const statements: { sql: string; args: InValue[] }[] = [];
    for (const { table, columns, rows } of set.tables) {
      const all: InValue[][] = [];
      for (let copy = from; copy < to; copy += 1) {
        const replace = (anchor: string) => {
          const suffix = (copy * set.anchors.length + (index.get(anchor) ?? 0)).toString(36).padStart(8, '0');
          return anchor.slice(0, anchor.length - 8) + suffix;
        };
        for (const row of rows) all.push(row.map((v) => (typeof v === 'string' ? v.replace(pattern, replace) : v)));
      }
      const perStatement = Math.max(1, Math.floor(SQLITE_MAX_PARAMS / columns.length));
      const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      for (let at = 0; at < all.length; at += perStatement) {
        const slice = all.slice(at, at + perStatement);
        statements.push({ sql: head + slice.map(() => tuple).join(', '), args: slice.flat() });
      }
    }
    const started = performance.now();
    const tx = await target.transaction('write');
    try {
      for (const statement of statements) await tx.execute(statement);
      await tx.commit();
    } finally {
      tx.close();
    }
    seconds += (performance.now() - started) / 1000;
  }
  return seconds;
}

/** `invoices 1, invoice_lines 1, …`: the write set's rows per table. */
export function describe(set: WriteSet): { total: number; text: string } {
  const tables = [...set.tables].sort((a, b) => b.perRenewal - a.perRenewal || a.table.localeCompare(b.table));
  const total = tables.reduce((s, t) => s + t.perRenewal, 0);
  const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
  const text = tables.map((t) => `${t.table} ${fmt(t.perRenewal)}${t.rows.length !== t.perRenewal ? ` (this one: ${t.rows.length})` : ''}`).join(', ');
  return { total, text };
}

export type { Row };
