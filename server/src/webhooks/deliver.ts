import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '@abona/api';
import type { Db } from '../db/client.js';
import { nextAttemptAfterFailure } from './backoff.js';
import { claimDelivery, dueDeliveryIds, findEndpointById, findEvent, finishDelivery } from './repository.js';
import { toEvent, type DeliveryRow } from './serialize.js';

/** A receiver gets this long to answer before the attempt counts as failed. */
export const DELIVERY_TIMEOUT_MS = 10_000;

export interface DeliverOptions {
  /** Epoch ms: deliveries due at or before it are sent; also the signature's timestamp. */
  now: number;
  /** The HTTP client (default: the global `fetch`). */
  fetch?: typeof fetch;
  /** Deliveries claimed per call (default 20), sent concurrently. */
  limit?: number;
  timeoutMs?: number;
  /**
   * How long a claim holds (default timeout + 50 s). Longer than any attempt can take, so a
   * claim only lapses when its worker died mid-attempt.
   */
  lockMs?: number;
}

/** What happened to one claimed delivery. */
export interface DeliveryOutcome {
  deliveryId: string;
  eventId: string;
  endpointId: string;
  status: DeliveryRow['status'];
  statusCode: number | null;
  error: string | null;
  /** The retry instant when the attempt failed but the delivery goes on. */
  nextAttemptAt: number | null;
}

interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

async function post(fetchFn: typeof fetch, url: string, body: string, signature: string, timeoutMs: number): Promise<AttemptResult> {
  try {
    const res = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signature, 'user-agent': 'Abona-Webhooks/1' },
      body,
      // A redirect is an answer, not a place to send the event: it could point anywhere.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text().catch(() => '');
    const ok = res.status >= 200 && res.status < 300;
    return { ok, statusCode: res.status, error: ok ? null : `HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}` };
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return { ok: false, statusCode: null, error: `No answer within ${timeoutMs / 1000} s` };
    }
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { ok: false, statusCode: null, error: `${error instanceof Error ? error.message : String(error)}${cause}`.slice(0, 500) };
  }
}

/**
 * Claims the deliveries due at `now` and POSTs each event, signed with its endpoint's secret.
 * A 2xx answer settles it; anything else (status, timeout, refused connection) schedules a
 * retry with backoff, until the retry window closes and it fails for good.
 *
 * Safe to run from many workers and processes at once: each attempt is claimed by a
 * conditional UPDATE, so it is sent by exactly one of them. The body (and event id) is the
 * same on every attempt, so a receiver dedupes by `id`.
 */
export async function deliverDue(db: Db, options: DeliverOptions): Promise<DeliveryOutcome[]> {
  const nowMs = options.now;
  const fetchFn = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const lockedUntilMs = nowMs + (options.lockMs ?? timeoutMs + 50_000);

  const claimed: DeliveryRow[] = [];
  for (const id of await dueDeliveryIds(db, nowMs, options.limit ?? 20)) {
    const row = await claimDelivery(db, id, nowMs, lockedUntilMs);
    if (row) claimed.push(row);
  }

  return Promise.all(
    claimed.map(async (delivery): Promise<DeliveryOutcome> => {
      const outcome = (patch: Partial<DeliveryRow> & Pick<DeliveryRow, 'status'>): DeliveryOutcome => ({
        deliveryId: delivery.id,
        eventId: delivery.eventId,
        endpointId: delivery.endpointId,
        status: patch.status,
        statusCode: patch.lastStatusCode ?? null,
        error: patch.lastError ?? null,
        nextAttemptAt: patch.nextAttemptAt ?? null,
      });
      const endpoint = await findEndpointById(db, delivery.endpointId);
      const event = await findEvent(db, delivery.livemode, delivery.eventId);
      if (!endpoint || !event || endpoint.deletedAt !== null || endpoint.status !== 'enabled') {
        const reason = !endpoint || endpoint.deletedAt !== null ? 'The endpoint was deleted' : !event ? 'The event no longer exists' : 'The endpoint is disabled';
        const patch = { status: 'failed' as const, nextAttemptAt: null, lastError: reason, updatedAt: nowMs };
        await finishDelivery(db, delivery.id, lockedUntilMs, patch);
        return outcome(patch);
      }

      const body = JSON.stringify(toEvent(event));
      const signature = await signWebhook(body, endpoint.secret, Math.floor(nowMs / 1000));
      const result = await post(fetchFn, endpoint.url, body, signature, timeoutMs);
      const attempts = delivery.attempts + 1;
      const base = { attempts, lastAttemptAt: nowMs, lastStatusCode: result.statusCode, lastError: result.error, updatedAt: nowMs };
      let patch: Partial<DeliveryRow> & Pick<DeliveryRow, 'status'>;
      if (result.ok) patch = { ...base, status: 'succeeded', nextAttemptAt: null };
      else {
        const retryAt = nextAttemptAfterFailure(attempts, delivery.createdAt, nowMs);
        patch = retryAt === undefined ? { ...base, status: 'failed', nextAttemptAt: null } : { ...base, status: 'pending', nextAttemptAt: retryAt };
      }
      await finishDelivery(db, delivery.id, lockedUntilMs, patch);
      return outcome(patch);
    }),
  );
}
