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

/** Random ids: prefix + 24 base62 characters (~143 bits). */
export const randomIds: IdGenerator = {
  next: (prefix) => `${prefix}_${randomBase62(24)}`,
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
