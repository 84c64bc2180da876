/** A structured log entry: one JSON object per line, never a key, token or body. */
export type LogEntry = Record<string, unknown> & { level: 'info' | 'warn' | 'error'; msg: string };

/** Where log lines go. */
export type Logger = (entry: LogEntry) => void;

/** One JSON line per entry on stdout (errors on stderr), as log shippers expect. */
export const jsonLogger: Logger = (entry) => {
  const line = JSON.stringify(entry);
  if (entry.level === 'error') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
};

/** Drops everything: for tests. */
export const silentLogger: Logger = () => {};
