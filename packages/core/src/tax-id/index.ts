export {
  defaultTaxIdRetryPolicy,
  taxIdCheckDue,
  taxIdRetryDelayMs,
  taxIdStatusAfterCheck,
  type TaxIdRetryPolicy,
  type TaxIdStatus,
  type TaxIdVerificationState,
} from './status.js';
export { taxIdTypeFor, type TaxIdSuggestion } from './suggest.js';
export { taxIdTypes, type TaxIdFailure, type TaxIdType, type TaxIdValidation } from './types.js';
export { normalizeTaxId, validateTaxId } from './validate.js';
export type { TaxIdVerificationResult, TaxIdVerifier } from './verifier.js';
