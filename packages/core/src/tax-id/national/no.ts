import { weightedSum } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2, 1];

/**
 * Norway, organisasjonsnummer (the VAT number is it + "MVA"): 9 digits starting 8 or 9 with
 * Σ weight × digit (3,2,7,6,5,4,3,2,1) ≡ 0 mod 11. Source: Brønnøysundregistrene, "Modulus
 * 11-kontroll"; python-stdnum `stdnum.no.orgnr`.
 */
export const checkNo: NumberCheck = (body) => {
  if (!/^[89]\d{8}$/.test(body)) return 'format';
  return checksumVerdict(weightedSum(body, WEIGHTS) % 11 === 0);
};
