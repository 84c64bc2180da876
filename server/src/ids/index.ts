import { randomFillSync } from 'node:crypto';

/** Prefixes of our object ids, Stripe style. */
export type IdPrefix =
  | 'prod'
  | 'price'
  | 'coupon'
  | 'promo'
  | 'cus'
  | 'txi'
  | 'key'
  | 'idk'
  | 'req'
  | 'sub'
  | 'si'
  | 'in'
  | 'il'
  | 'pay'
  | 'pm'
  | 'cs'
  | 'ps'
  | 'evt'
  | 'whe'
  | 'tc'
  | (string & {});

/** Makes object ids; injected so tests get the same ids every run. */
export interface IdGenerator {
  /** `next('prod')` → `prod_…`. */
  next(prefix: IdPrefix): string;
  /** Random text of `length` base62 characters, for codes and secrets. */
  random(length: number): string;
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/*
 * Random bytes from the CSPRNG drawn 4 KB at a time: one system call per ~150 ids instead of one
 * per id (the call, not the bytes, is what costs). Each byte is handed out once.
 */
const pool = Buffer.alloc(4096);
let poolNext = pool.length;

function randomByte(): number {
  if (poolNext === pool.length) {
    randomFillSync(pool);
    poolNext = 0;
  }
  return pool[poolNext++] as number;
}

/** `length` characters drawn uniformly from base62 (rejection sampling keeps it unbiased). */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    const byte = randomByte();
    // 248 = 4 × 62: bytes above it would favour the first letters.
    if (byte < 248) out += alphabet[byte % 62];
  }
  return out;
}

/** Base62 digits in ASCII order, so that fixed-width numbers written with them sort as text. */
const sortedDigits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `value` (a non-negative integer) in `width` base62 digits that sort as the numbers do. */
export function sortableBase62(value: number, width: number): string {
  let out = '';
  let rest = Math.floor(value);
  for (let i = 0; i < width; i += 1) {
    out = (sortedDigits[rest % 62] as string) + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}

/**
 * Object ids: prefix + 24 base62 characters, the first 8 the creation time in milliseconds (in
 * order until the year 8,900) and 16 random ones (~95 bits, so ids made in the same millisecond
 * never meet). Time-ordered ids go into each table's id index, and every index keyed by an id
 * (journal, invoice, event keys), next to the last ones: a batch of inserts dirties a few pages at
 * the end instead of one page per row all over the index, which a random id did (the billing
 * run's commits wrote several times the data they added). The creation time an id shows is also
 * in the object's `created`.
 */
export const randomIds: IdGenerator = {
  next: (prefix) => `${prefix}_${sortableBase62(Date.now(), 8)}${randomBase62(16)}`,
  random: (length) => randomBase62(length),
};

/**
 * Deterministic ids for tests: `prod_000001`, `prod_000002`, `price_000001`… counted per prefix.
 * `random()` is deterministic too.
 */
export function sequentialIds(): IdGenerator {
  const counters = new Map<string, number>();
  let randomCount = 0;
  return {
    next(prefix) {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}_${String(n).padStart(6, '0')}`;
    },
    random(length) {
      randomCount += 1;
      return `R${randomCount}`.padEnd(length, 'X').slice(0, length);
    },
  };
}
