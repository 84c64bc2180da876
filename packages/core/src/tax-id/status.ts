import { InvalidInputError } from '../errors/index.js';
import type { TaxIdVerificationResult } from './verifier.js';

/**
 * Where a tax id stands with its registry:
 * - `pending`: not yet confirmed either way (never asked, or the registry was unavailable);
 *   checkout goes on, the id is asked again at `nextCheckAtMs`.
 * - `verified` / `unverified`: the registry's last definite answer.
 */
export type TaxIdStatus = 'pending' | 'verified' | 'unverified';

/** The verification state stored beside a tax id. */
export interface TaxIdVerificationState {
  status: TaxIdStatus;
  /** Registry answers of `unavailable` in a row since the last definite answer. */
  unavailableCount: number;
  /** When the last registry call was made (epoch ms). */
  checkedAtMs: number;
  /** When to ask again (epoch ms); undefined once the registry answered definitely. */
  nextCheckAtMs: number | undefined;
  /** The registered name and address from the last `verified` answer. */
  name?: string;
  address?: string;
}

/** Retry backoff of a pending id: `baseDelayMs` × 2ⁿ⁻¹ after the n-th unavailable answer, capped. */
export interface TaxIdRetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

/** 5 minutes, doubling, capped at 1 day: VIES outages of one member state last hours, not weeks. */
export const defaultTaxIdRetryPolicy: TaxIdRetryPolicy = { baseDelayMs: 5 * 60_000, maxDelayMs: 24 * 3_600_000 };

/** The wait before the next check after `unavailableCount` unavailable answers in a row (≥ 1). */
export function taxIdRetryDelayMs(unavailableCount: number, policy: TaxIdRetryPolicy = defaultTaxIdRetryPolicy): number {
  // 2^k overflows nothing we care about once it passes the cap; stop doubling at 40.
  const exponent = Math.min(Math.max(unavailableCount, 1) - 1, 40);
  return Math.min(policy.baseDelayMs * 2 ** exponent, policy.maxDelayMs);
}

function checkPolicy(policy: TaxIdRetryPolicy): void {
  if (!Number.isSafeInteger(policy.baseDelayMs) || policy.baseDelayMs <= 0) {
    throw new InvalidInputError('baseDelayMs must be a positive integer of milliseconds', 'baseDelayMs');
  }
  if (!Number.isSafeInteger(policy.maxDelayMs) || policy.maxDelayMs < policy.baseDelayMs) {
    throw new InvalidInputError('maxDelayMs must be an integer no smaller than baseDelayMs', 'maxDelayMs');
  }
}

/**
 * The state of a tax id after a registry check made at `atMs`. Pure policy:
 * - `verified` / `unverified` answers are taken as they are and end the retries.
 * - `unavailable` never blocks and never downgrades: a `verified` or `unverified` id keeps
 *   its status (we do not forget an answer because the registry is down), a `pending` one stays
 *   pending; either way the id is asked again after a doubling, capped delay.
 *
 * @param previous the stored state, or undefined for the first check of a new id.
 * @param atMs when the check was made (epoch ms).
 * @throws InvalidInputError when `atMs` is not an integer instant or the policy is malformed.
 */
export function taxIdStatusAfterCheck(
  previous: TaxIdVerificationState | undefined,
  result: TaxIdVerificationResult,
  atMs: number,
  policy: TaxIdRetryPolicy = defaultTaxIdRetryPolicy,
): TaxIdVerificationState {
  if (!Number.isSafeInteger(atMs)) throw new InvalidInputError('atMs must be an integer epoch-ms instant', 'atMs');
  checkPolicy(policy);
  if (result.status === 'verified') {
    const state: TaxIdVerificationState = { status: 'verified', unavailableCount: 0, checkedAtMs: atMs, nextCheckAtMs: undefined };
    if (result.name !== undefined) state.name = result.name;
    if (result.address !== undefined) state.address = result.address;
    return state;
  }
  if (result.status === 'unverified') {
    return { status: 'unverified', unavailableCount: 0, checkedAtMs: atMs, nextCheckAtMs: undefined };
  }
  const unavailableCount = (previous?.unavailableCount ?? 0) + 1;
  return {
    ...previous,
    status: previous?.status ?? 'pending',
    unavailableCount,
    checkedAtMs: atMs,
    nextCheckAtMs: atMs + taxIdRetryDelayMs(unavailableCount, policy),
  };
}

/** True when a scheduler should call the registry for this id at `atMs`. */
export function taxIdCheckDue(state: TaxIdVerificationState, atMs: number): boolean {
  return state.nextCheckAtMs !== undefined && state.nextCheckAtMs <= atMs;
}
