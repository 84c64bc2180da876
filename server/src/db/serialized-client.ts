import type { Client, InStatement, InArgs, ResultSet, Transaction, TransactionMode } from '@libsql/client';

/**
 * A fast path for plain reads: answers a statement itself, or `undefined` to leave it to the
 * client (anything it does not handle, and any failure, so errors keep the client's shape).
 */
export interface ReadPath {
  execute(stmt: InStatement, args?: InArgs): ResultSet | undefined;
}

/**
 * A libSQL client whose write transactions run one at a time inside this process.
 *
 * Why: an in-memory (or single-connection) libSQL client rejects every other statement while a
 * transaction holds its only connection ("TRANSACTION_ACTIVE"), and two in-process transactions on
 * a file race for SQLite's write lock. Queueing them keeps services simple: a service opens a
 * transaction, reads, decides with the engine, writes, commits; concurrent requests wait their turn.
 *
 * With `exclusive` (memory databases) every statement, not only transactions, waits for the
 * queue, since there is just one connection. File databases keep reads concurrent (WAL).
 *
 * Inside a transaction, use the transaction handle, never the outer client: the outer client
 * would wait for the transaction that is waiting for it.
 *
 * `reads` (file databases only): plain `execute` calls outside transactions are offered to it
 * first; they never queue. `transactions` (file databases only): opens the write transactions
 * instead of the client (a connection that keeps its prepared statements).
 */
export function serializedClient(client: Client, options: { exclusive: boolean; reads?: ReadPath; transactions?: (mode?: TransactionMode) => Transaction }): Client {
  const { reads } = options;
  let tail: Promise<void> = Promise.resolve();

  /** Waits for everything queued before, then holds the queue until `release` is called. */
  function acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = tail.then(() => release);
    tail = tail.then(() => held);
    return ready;
  }

  async function queued<T>(work: () => Promise<T>): Promise<T> {
    const release = await acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  async function transaction(...args: Parameters<Client['transaction']>): Promise<Transaction> {
    const release = await acquire();
    let tx: Transaction;
    try {
      tx = options.transactions ? options.transactions(...args) : await client.transaction(...args);
    } catch (error) {
      release();
      throw error;
    }
    let released = false;
    const done = () => {
      if (!released) {
        released = true;
        release();
      }
    };
    return new Proxy(tx, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (prop === 'commit' || prop === 'rollback') {
          return async () => {
            try {
              await (value as () => Promise<void>).call(target);
            } finally {
              done();
            }
          };
        }
        if (prop === 'close') {
          return () => {
            (value as () => void).call(target);
            done();
          };
        }
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  const clientExecute = client.execute.bind(client) as (stmt: InStatement, args?: InArgs) => Promise<ResultSet>;
  const readFirst = (stmt: InStatement, args?: InArgs): Promise<ResultSet> => {
    const answer = reads?.execute(stmt, args);
    return answer ? Promise.resolve(answer) : clientExecute(stmt, args);
  };

  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'transaction') return transaction;
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (reads && prop === 'execute') return readFirst;
      if (options.exclusive && (prop === 'execute' || prop === 'batch' || prop === 'executeMultiple' || prop === 'migrate')) {
        return (...args: unknown[]) => queued(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
