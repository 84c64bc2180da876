import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../../clock/index.js';
import type { Db } from '../../db/client.js';
import { IdempotencyError, InvalidRequest } from '../../errors/index.js';
import type { AppEnv } from '../../http/env.js';
import type { IdGenerator } from '../../ids/index.js';
import { idempotencyRepository } from './repository.js';

export interface IdempotencyOptions {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
  /** How long an answer is replayed. Default 24 h. */
  ttlMs?: number;
  /** A claim older than this is taken to be from a crashed request and may be retaken. Default 60 s. */
  lockTimeoutMs?: number;
}

/**
 * Which answers are kept: successes and payment declines (402) are results of work done, so a
 * retry must see them again. Validation errors, auth errors, conflicts and 5xx did nothing
 * (our writes are atomic), so the key is freed and the client may retry with a fixed request.
 */
function isStored(status: number): boolean {
  return status < 400 || status === 402;
}

/**
 * `Idempotency-Key` on POST, with Stripe's semantics: the first answer is stored and replayed
 * byte for byte with its status (plus `Idempotent-Replayed: true`) for 24 h; the same key with a
 * different request is a 400 `idempotency_error`; a duplicate while the first is still running
 * is a 409. Keys are scoped to the API key, and the lock is a unique row in the database, so it
 * holds across replicas.
 *
 * Must run after authentication.
 */
export function idempotency(options: IdempotencyOptions): MiddlewareHandler<AppEnv> {
  const { clock, ids } = options;
  const ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
  const lockTimeoutMs = options.lockTimeoutMs ?? 60_000;
  const repo = idempotencyRepository(options.db);

  return async (c, next) => {
    // Reads never carry the header's semantics: skip them before touching the headers.
    if (c.req.method !== 'POST') return next();
    const key = c.req.header('idempotency-key');
    if (key === undefined) return next();
    if (key.length < 1 || key.length > 255) throw new InvalidRequest('Idempotency-Key must be 1 to 255 characters', 'Idempotency-Key');
    const auth = c.get('auth');
    const body = await c.req.text();
    const requestHash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${body}`, 'utf8').digest('hex');

    let claimedId: string | undefined;
    // A few rounds: a row can vanish between our insert and our read (released or expired).
    for (let attempt = 0; attempt < 5 && claimedId === undefined; attempt++) {
      const nowMs = clock.now();
      const id = ids.next('idk');
      const claimed = await repo.claim({
        id,
        apiKeyHash: auth.keyHash,
        key,
        livemode: auth.livemode,
        method: c.req.method,
        path: c.req.path,
        requestHash,
        state: 'in_flight',
        lockedAt: nowMs,
        createdAt: nowMs,
        expiresAt: nowMs + ttlMs,
      });
      if (claimed) {
        claimedId = id;
        break;
      }
      const existing = await repo.find(auth.keyHash, key);
      if (!existing) continue;
      const stale = existing.expiresAt <= nowMs || (existing.state === 'in_flight' && existing.lockedAt + lockTimeoutMs <= nowMs);
      if (stale) {
        await repo.release(existing.id);
        continue;
      }
      if (existing.requestHash !== requestHash) {
        throw new IdempotencyError(
          400,
          'idempotency_key_reused',
          'Keys for idempotent requests can only be used with the same request they were first used with',
        );
      }
      if (existing.state === 'in_flight') {
        throw new IdempotencyError(409, 'idempotency_key_in_use', 'A request with this Idempotency-Key is still in progress; retry later');
      }
      const headers: Record<string, string> = { 'Idempotent-Replayed': 'true' };
      if (existing.responseContentType) headers['content-type'] = existing.responseContentType;
      return c.body(existing.responseBody ?? '', (existing.responseStatus ?? 200) as 200, headers);
    }
    if (claimedId === undefined) throw new IdempotencyError(409, 'idempotency_key_in_use', 'Could not claim the Idempotency-Key; retry later');

    let stored = false;
    try {
      await next();
      if (isStored(c.res.status)) {
        const text = await c.res.clone().text();
        await repo.complete(claimedId, c.res.status, text, c.res.headers.get('content-type'));
        stored = true;
      }
    } finally {
      if (!stored) await repo.release(claimedId);
    }
  };
}

export { idempotencyRepository, type IdempotencyRepository } from './repository.js';
