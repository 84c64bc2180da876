import { createHash } from 'node:crypto';
import { InvalidInputError } from '@abona/core';

/** Stripe accepts idempotency keys up to 255 characters. */
const MAX_KEY_LENGTH = 255;

const OPERATION = /^[a-z][a-z0-9_.-]{0,63}$/;

/**
 * Builds the idempotency key of a gateway call from our own operation and the ids it acts on,
 * so a retried job (after a crash, or a concurrent duplicate) sends the same key and the gateway
 * never charges twice. The same inputs always give the same key; different inputs never collide,
 * because parts are joined with `:` and no part may be empty or contain one.
 *
 * Keys longer than Stripe's 255-character limit keep their operation and replace the ids by
 * their SHA-256.
 *
 * @example deriveIdempotencyKey('invoice.charge', 'in_123', '2') // 'abona:invoice.charge:in_123:2'
 */
export function deriveIdempotencyKey(operation: string, ...ids: readonly (string | number)[]): string {
  if (!OPERATION.test(operation)) {
    throw new InvalidInputError(`operation must match ${OPERATION.source}, got ${JSON.stringify(operation)}`, 'operation');
  }
  if (ids.length === 0) throw new InvalidInputError('at least one id is needed', 'ids');
  const parts = ids.map((id, index) => {
    const part = typeof id === 'number' ? String(id) : id;
    if (typeof id === 'number' && !Number.isSafeInteger(id)) {
      throw new InvalidInputError(`ids[${index}] must be an integer, got ${id}`, 'ids');
    }
    if (part.length === 0 || part.includes(':')) {
      throw new InvalidInputError(`ids[${index}] must be non-empty and without ':', got ${JSON.stringify(part)}`, 'ids');
    }
    return part;
  });
  const key = `abona:${operation}:${parts.join(':')}`;
  if (key.length <= MAX_KEY_LENGTH) return key;
  const digest = createHash('sha256').update(parts.join(':')).digest('hex');
  // The empty part (`::`) cannot occur in an unhashed key, so the two forms never collide.
  return `abona:${operation}::sha256:${digest}`;
}
