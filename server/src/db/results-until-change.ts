/** How many answers are kept (the table is cleared when full: the hot set is a few lookups). */
const MAX_ENTRIES = 1000;
/** Larger answers (lists, exports, e-mail bodies) are not kept: they are rarely asked twice unchanged. */
const MAX_ROWS = 100;
const MAX_ANSWER_CHARS = 32 * 1024;
/** All kept answers together, in characters of their strings (the table is cleared past it). */
const MAX_TOTAL_CHARS = 4 * 1024 * 1024;
/** SQL whose answer can change while the data does not: never kept. */
const VOLATILE = /\b(random|randomblob|date|time|datetime|julianday|strftime|unixepoch|current_date|current_time|current_timestamp|changes|total_changes|last_insert_rowid)\b/i;

/** Whether an answer to this SQL may be kept (it is a function of the data and the arguments only). */
export function keepable(sql: string): boolean {
  return !VOLATILE.test(sql);
}

/**
 * Answers of plain reads, kept until the database changes. `dataVersion` is SQLite's `PRAGMA
 * data_version` on the reading connection: it changes whenever any other connection (this
 * process's writer, another process, the CLI) commits, so an answer kept under an unchanged
 * version is exactly what running the statement again would return. Checking the version costs
 * one tiny statement; running a lookup again through the driver costs several times that.
 *
 * A read looks up first (which reads the version and forgets everything when it moved), then, on
 * a miss, runs the statement and keeps its cells under the version read before it ran: a commit
 * in between makes the next lookup miss, never return a stale answer.
 *
 * Cells are primitives (numbers, strings, null) and are shared by the rows made from them; rows
 * are made anew for each caller, so nothing a caller does to its rows reaches another.
 */
export function resultsUntilChange(dataVersion: () => number) {
  let version = Number.NaN;
  const kept = new Map<string, unknown[][]>();
  let totalChars = 0;
  const forget = () => {
    kept.clear();
    totalChars = 0;
  };
  return {
    /** The kept cells for `key`, if the database has not changed since they were read. */
    lookup(key: string): unknown[][] | undefined {
      const now = dataVersion();
      if (now !== version) {
        forget();
        version = now;
      }
      return kept.get(key);
    },
    /** Keeps what the statement just returned for `key` (read after the last `lookup`). */
    keep(key: string, cells: unknown[][]): void {
      if (cells.length > MAX_ROWS) return;
      let chars = key.length;
      for (const row of cells) {
        for (const cell of row) {
          if (typeof cell === 'string') chars += cell.length;
          else if (cell !== null && typeof cell === 'object') return;
          else chars += 8;
        }
      }
      if (chars > MAX_ANSWER_CHARS) return;
      if (kept.size >= MAX_ENTRIES || totalChars + chars > MAX_TOTAL_CHARS) forget();
      kept.set(key, cells);
      totalChars += chars;
    },
  };
}

/** The key of a statement and its arguments (strings, finite numbers and null only: unambiguous as JSON). */
export function readKey(sql: string, args: readonly unknown[]): string {
  return args.length === 0 ? sql : `${sql}\u0000${JSON.stringify(args)}`;
}
