import type { SandboxBehavior } from './cards.js';
import type { CardSummary, DeclineCode, PaymentMethod, Refund, SepaDebitSummary } from './types.js';

/**
 * The sandbox gateway's state: plain JSON-serializable records in a few tables keyed by id, so
 * the server can keep them in its database (one `(table, id, json)` table is enough). No record
 * ever holds a full card number, a CVC or a full IBAN.
 */

export interface SandboxCustomerRecord {
  readonly id: string;
  readonly email: string | null;
  readonly name: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  readonly createdAtMs: number;
}

/** A single-use token from the test-mode tokenizer (`tok_…`). */
export interface SandboxTokenRecord {
  readonly id: string;
  readonly type: 'card' | 'sepa_debit';
  readonly card: CardSummary | null;
  readonly sepaDebit: SepaDebitSummary | null;
  readonly behavior: SandboxBehavior;
  readonly used: boolean;
  readonly createdAtMs: number;
}

export interface SandboxPaymentMethodRecord extends PaymentMethod {
  readonly behavior: SandboxBehavior;
}

export type SandboxPaymentStatus = 'succeeded' | 'requires_action' | 'processing' | 'failed';

export interface SandboxPaymentRecord {
  readonly id: string;
  readonly customerRef: string;
  readonly paymentMethodId: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly offSession: boolean;
  readonly description: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  readonly status: SandboxPaymentStatus;
  readonly declineCode: DeclineCode | null;
  readonly message: string | null;
  readonly hard: boolean;
  readonly clientSecret: string | null;
  readonly settlesAtMs: number | null;
  readonly amountRefundedMinor: number;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
}

export interface SandboxSetupRecord {
  readonly id: string;
  readonly customerRef: string;
  readonly paymentMethodId: string;
  readonly status: 'succeeded' | 'requires_action' | 'failed';
  readonly declineCode: DeclineCode | null;
  readonly message: string | null;
  readonly hard: boolean;
  readonly clientSecret: string | null;
  readonly createdAtMs: number;
}

export type SandboxRefundRecord = Refund;

/** Which call an idempotency key was first used for, with a fingerprint of its parameters. */
export interface SandboxIdempotencyRecord {
  readonly key: string;
  readonly operation: 'customer' | 'setup' | 'charge' | 'refund';
  /** Canonical JSON of the request; the same key with other parameters is refused. */
  readonly fingerprint: string;
  /** Id of the object the first call created. */
  readonly objectId: string;
  readonly createdAtMs: number;
}

export interface SandboxTables {
  customers: SandboxCustomerRecord;
  tokens: SandboxTokenRecord;
  paymentMethods: SandboxPaymentMethodRecord;
  payments: SandboxPaymentRecord;
  setups: SandboxSetupRecord;
  refunds: SandboxRefundRecord;
  idempotency: SandboxIdempotencyRecord;
}

export type SandboxTable = keyof SandboxTables;

/** Reads and writes inside one transaction. */
export interface SandboxStoreTx {
  get<T extends SandboxTable>(table: T, id: string): Promise<SandboxTables[T] | undefined>;
  put<T extends SandboxTable>(table: T, id: string, record: SandboxTables[T]): Promise<void>;
  /** Every record of a table, ordered by id (the sandbox only scans `payments` to settle). */
  list<T extends SandboxTable>(table: T): Promise<SandboxTables[T][]>;
}

/**
 * Where the sandbox keeps its state. `transaction` must run `fn` in isolation (serializably, or
 * under a lock) and keep either all of its writes or none: that is what makes a key reused by 50
 * concurrent charges create one payment, and concurrent refunds never exceed the capture.
 */
export interface SandboxStore {
  transaction<R>(fn: (tx: SandboxStoreTx) => Promise<R>): Promise<R>;
}

/** The in-memory store, plus a copy of everything in it (for tests and debugging). */
export interface MemorySandboxStore extends SandboxStore {
  snapshot(): { readonly [T in SandboxTable]: Readonly<Record<string, SandboxTables[T]>> };
}

type Tables = { [T in SandboxTable]: Map<string, SandboxTables[T]> };

function emptyTables(): Tables {
  return {
    customers: new Map(),
    tokens: new Map(),
    paymentMethods: new Map(),
    payments: new Map(),
    setups: new Map(),
    refunds: new Map(),
    idempotency: new Map(),
  };
}

/**
 * An in-memory {@link SandboxStore}. Transactions run one at a time, stage their writes and apply
 * them only when `fn` resolves. Records are deep-copied in and out, which also proves they are
 * plain data (`structuredClone` throws on functions and class instances with private state).
 */
export function createMemorySandboxStore(): MemorySandboxStore {
  const tables = emptyTables();
  let queue: Promise<unknown> = Promise.resolve();

  async function run<R>(fn: (tx: SandboxStoreTx) => Promise<R>): Promise<R> {
    const staged = emptyTables();
    const tx: SandboxStoreTx = {
      get: async (table, id) => {
        const record = staged[table].get(id) ?? tables[table].get(id);
        return record === undefined ? undefined : structuredClone(record);
      },
      put: async (table, id, record) => {
        staged[table].set(id, structuredClone(record));
      },
      list: async (table) => {
        const merged = new Map([...tables[table], ...staged[table]]);
        return [...merged.entries()]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([, record]) => structuredClone(record));
      },
    };
    const result = await fn(tx);
    for (const table of Object.keys(staged) as SandboxTable[]) {
      for (const [id, record] of staged[table]) (tables[table] as Map<string, unknown>).set(id, record);
    }
    return result;
  }

  return {
    transaction<R>(fn: (tx: SandboxStoreTx) => Promise<R>): Promise<R> {
      const next = queue.then(() => run(fn));
      // A failed transaction must not block the ones queued after it.
      queue = next.catch(() => undefined);
      return next;
    },
    snapshot() {
      const copy = (map: Map<string, unknown>) => structuredClone(Object.fromEntries(map));
      return {
        customers: copy(tables.customers),
        tokens: copy(tables.tokens),
        paymentMethods: copy(tables.paymentMethods),
        payments: copy(tables.payments),
        setups: copy(tables.setups),
        refunds: copy(tables.refunds),
        idempotency: copy(tables.idempotency),
      } as ReturnType<MemorySandboxStore['snapshot']>;
    },
  };
}
