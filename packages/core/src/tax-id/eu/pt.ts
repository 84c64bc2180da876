import { digitAt, weightedSum } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2];

/**
 * Portugal, NIF: 9 digits, the first not 0; check = (11 − S mod 11) mod 11, with 10 written
 * as 0, S = Σ (9…2) × first 8 digits. Source: AT (Autoridade Tributária), NIF algorithm;
 * python-stdnum `stdnum.pt.nif`.
 */
export const checkPt: NumberCheck = (body) => {
  if (!/^[1-9]\d{8}$/.test(body)) return 'format';
  return checksumVerdict(((11 - (weightedSum(body, WEIGHTS) % 11)) % 11) % 10 === digitAt(body, 8));
};
