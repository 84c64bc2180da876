import type { TaxIdType } from './types.js';

/**
 * What a registry said about one number:
 * - `verified`: registered and active (VIES "valid"); `name`/`address` as the registry gives them.
 * - `unverified`: the registry answered and does not know the number, or it is inactive.
 * - `unavailable`: no answer (timeout, member-state service down, rate limit). Says nothing
 *   about the number.
 */
export interface TaxIdVerificationResult {
  status: 'verified' | 'unverified' | 'unavailable';
  name?: string;
  address?: string;
}

/**
 * The port through which a tax id is checked against its registry (VIES for `eu_vat`, HMRC for
 * `gb_vat`, ABR for `au_abn`…). A type only: core does no I/O; the server implements it. An
 * implementation must resolve (never reject) within `timeoutMs`, answering `unavailable` when
 * the registry does not, so checkout never waits on a registry.
 */
export interface TaxIdVerifier {
  verify(type: TaxIdType, normalized: string, options: { timeoutMs: number }): Promise<TaxIdVerificationResult>;
}
