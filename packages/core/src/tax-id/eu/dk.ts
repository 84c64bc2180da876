import { weightedSum } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

/**
 * Denmark, CVR: 8 digits, the first not 0, with Σ weight × digit (2,7,6,5,4,3,2,1) ≡ 0 mod 11.
 * Source: Erhvervsstyrelsen, CVR modulus-11; python-stdnum `stdnum.dk.cvr`.
 */
export const checkDk: NumberCheck = (body) => {
  if (!/^[1-9]\d{7}$/.test(body)) return 'format';
  return checksumVerdict(weightedSum(body, WEIGHTS) % 11 === 0);
};
