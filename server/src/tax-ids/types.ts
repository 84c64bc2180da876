import type { TaxIdType, TaxIdVerifier } from '@abona/core';

/**
 * A {@link TaxIdVerifier} that says which tax id types it can check online. The recheck job
 * only picks ids of these types, so an id no registry can answer (a US EIN) stays `pending`
 * without being asked over and over; `verify` still resolves `unavailable` for any other type,
 * as core's port requires.
 */
export interface OnlineTaxIdVerifier extends TaxIdVerifier {
  /** Short name for logs: `vies`. */
  readonly name: string;
  readonly types: readonly TaxIdType[];
}
