import {
  defaultTaxIdRetryPolicy,
  normalizeTaxId,
  taxIdRetryDelayMs,
  taxIdStatusAfterCheck,
  type TaxIdRetryPolicy,
  type TaxIdType,
  type TaxIdVerificationResult,
  type TaxIdVerificationState,
} from '@abona/core';
import type { Db } from '../db/client.js';
import type { CustomerTaxIdRow } from '../db/schema.js';
import { recordEvent } from '../events/record.js';
import { taxIdCheckRepository, type ClaimedTaxId } from './repository.js';
import { toTaxIdEventObject } from './serialize.js';
import type { OnlineTaxIdVerifier } from './types.js';

export interface RecheckOptions {
  /** The run's instant (epoch ms): what is due, and when the answers were had. */
  nowMs: number;
  /** Ids checked per mode and run (default 50). */
  limit?: number;
  /** The longest one registry call may take (default 10 s); then it counts as `unavailable`. */
  timeoutMs?: number;
  /** Registry calls in flight at once (default 4), so a slow registry holds a run for at most ⌈limit / concurrency⌉ × timeout. */
  concurrency?: number;
  /** How long a claim holds before another runner may take the id over (default timeout + 1 min). */
  leaseMs?: number;
  policy?: TaxIdRetryPolicy;
  /** Modes to check (default both). */
  livemodes?: readonly boolean[];
}

export interface RecheckReport {
  /** Ids this run claimed and asked the registry about. */
  checked: number;
  verified: number;
  unverified: number;
  unavailable: number;
  /** Claimed ids whose outcome was not written: replaced or deleted meanwhile, or the lease lost. */
  lost: number;
  errors: { id: string; message: string }[];
}

/**
 * How many `unavailable` answers in a row a pending id has had, from what the schema keeps:
 * its creation and its next due instant. The table has no column for the count (nor for the
 * last check's instant), so it is read back from the backoff itself: checked on time, an id
 * due at `created + d(1) + … + d(n)` has had exactly n. A late run can only overcount, which
 * lengthens the wait, never beyond the policy's cap.
 */
export function unavailableAnswersSoFar(createdAtMs: number, dueAtMs: number, policy: TaxIdRetryPolicy = defaultTaxIdRetryPolicy): number {
  let elapsedMs = dueAtMs - createdAtMs;
  let count = 0;
  for (;;) {
    const delayMs = taxIdRetryDelayMs(count + 1, policy);
    if (delayMs > elapsedMs) return count;
    elapsedMs -= delayMs;
    count += 1;
    // Past the cap every further wait is the cap: count the rest at once.
    if (delayMs >= policy.maxDelayMs) return count + Math.floor(elapsedMs / policy.maxDelayMs);
  }
}

const UNAVAILABLE: TaxIdVerificationResult = { status: 'unavailable' };

function normalized(row: CustomerTaxIdRow): string {
  try {
    return normalizeTaxId(row.type as TaxIdType, row.value);
  } catch {
    return row.value;
  }
}

/**
 * Asks the registry again about the `pending` tax ids that are due (`next_check_at` ≤ now), in
 * both modes, and stores the answer with core's {@link taxIdStatusAfterCheck}: `verified` (with
 * the registered name) and `unverified` end the checks; `unavailable` keeps the id `pending`,
 * due again after a doubling, capped delay.
 *
 * Safe on several processes at once: each id is claimed by a conditional update of its
 * `next_check_at` before the registry is called, so only one runner calls; the registry is
 * called outside any transaction, bounded by `timeoutMs`; the outcome and its
 * `customer.tax_id.updated` event (only when the status changes) commit together, and only
 * while the claim still holds.
 *
 * Checkout never calls this: an id is `pending` (valid by its check digits) until the answer.
 */
export async function recheckTaxIds(db: Db, verifier: OnlineTaxIdVerifier, options: RecheckOptions): Promise<RecheckReport> {
  const { nowMs } = options;
  const limit = options.limit ?? 50;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const leaseMs = options.leaseMs ?? timeoutMs + 60_000;
  const policy = options.policy ?? defaultTaxIdRetryPolicy;
  const report: RecheckReport = { checked: 0, verified: 0, unverified: 0, unavailable: 0, lost: 0, errors: [] };

  async function check(row: CustomerTaxIdRow): Promise<void> {
    const claimed: ClaimedTaxId | undefined = await taxIdCheckRepository.claim(db, row, nowMs + leaseMs);
    if (!claimed) return;
    report.checked += 1;
    const result = await verifier.verify(row.type as TaxIdType, normalized(row), { timeoutMs }).catch(() => UNAVAILABLE);
    report[result.status] += 1;
    const previous: TaxIdVerificationState = {
      status: 'pending',
      unavailableCount: unavailableAnswersSoFar(row.createdAt, row.nextCheckAt ?? row.createdAt, policy),
      checkedAtMs: row.createdAt,
      nextCheckAtMs: row.nextCheckAt ?? undefined,
    };
    const next = taxIdStatusAfterCheck(previous, result, nowMs, policy);
    const outcome = { status: next.status, verifiedName: next.status === 'verified' ? (next.name ?? null) : null, nextCheckAt: next.nextCheckAtMs ?? null };
    const written = await db.transaction(async (tx) => {
      const settled = await taxIdCheckRepository.settle(tx, claimed, outcome);
      if (settled && settled.verificationStatus !== 'pending') {
        await recordEvent(tx, {
          livemode: settled.livemode,
          type: 'customer.tax_id.updated',
          data: toTaxIdEventObject(settled),
          dedupeKey: `customer.tax_id.updated:${settled.id}:${settled.verificationStatus}`,
          atMs: nowMs,
        });
      }
      return settled;
    });
    if (!written) report.lost += 1;
  }

  for (const livemode of options.livemodes ?? [false, true]) {
    const queue = await taxIdCheckRepository.due(db, livemode, verifier.types, nowMs, limit);
    const worker = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        try {
          await check(row);
        } catch (error) {
          report.errors.push({ id: row.id, message: error instanceof Error ? error.message : String(error) });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  }
  return report;
}
