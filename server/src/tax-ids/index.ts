export { verifierFromEnv } from './env.js';
export { recheckTaxIds, unavailableAnswersSoFar, type RecheckOptions, type RecheckReport } from './recheck.js';
export { taxIdCheckRepository } from './repository.js';
export { toTaxIdEventObject } from './serialize.js';
export type { OnlineTaxIdVerifier } from './types.js';
export { VIES_BASE_URL, viesResult, viesVerifier, type ViesVerifierOptions } from './vies.js';
