import { weightedSum } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

const WEIGHTS = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];

/**
 * Australia, ABN: 11 digits, the first two (11–99) being check digits. Subtract 1 from the first digit, then
 * Σ weight × digit (10,1,3,5,7,9,11,13,15,17,19) ≡ 0 mod 89.
 * Source: Australian Business Register, "ABN format"; python-stdnum `stdnum.au.abn`.
 */
export const checkAu: NumberCheck = (body) => {
  // The two leading check digits run 11…99 by construction.
  if (!/^(1[1-9]|[2-9]\d)\d{9}$/.test(body)) return 'format';
  // Subtracting 1 from the first digit takes 10 (its weight) off the sum.
  return checksumVerdict((weightedSum(body, WEIGHTS) - 10) % 89 === 0);
};
