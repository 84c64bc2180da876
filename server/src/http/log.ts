/** A structured log entry: one JSON object per line, never a key, token or body. */
export type LogEntry = Record<string, unknown> & { level: 'info' | 'warn' | 'error'; msg: string };

/** Where log lines go. */
export type Logger = (entry: LogEntry) => void;

let pending = '';
let flushScheduled = false;

/** Writes the info lines gathered so far in one `write`. */
function flushPending(): void {
  flushScheduled = false;
  if (pending === '') return;
  const text = pending;
  pending = '';
  process.stdout.write(text);
}

let exitHooked = false;

/**
 * One JSON line per entry on stdout (errors on stderr), as log shippers expect.
 *
 * Info lines of one turn of the event loop go out in a single write (a write to a pipe or file
 * is a blocking system call on Linux, once per request otherwise); errors are written at once.
 * Lines still pending when the process exits are written by an `exit` hook.
 */
export const jsonLogger: Logger = (entry) => {
  const line = `${JSON.stringify(entry)}\n`;
  if (entry.level === 'error') {
    flushPending();
    process.stderr.write(line);
    return;
  }
  pending += line;
  if (pending.length >= 64 * 1024) flushPending();
  else if (!flushScheduled) {
    flushScheduled = true;
    setImmediate(flushPending);
    if (!exitHooked) {
      exitHooked = true;
      process.once('exit', flushPending);
    }
  }
};

/** Drops everything: for tests and benchmarks. Middleware skips building entries for it. */
export const silentLogger: Logger = () => {};
