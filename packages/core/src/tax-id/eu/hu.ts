import { weightedSum } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

const WEIGHTS = [9, 7, 3, 1, 9, 7, 3, 1];

/**
 * Hungary, közösségi adószám: 8 digits (the first 8 of the adószám) with
 * Σ weight × digit (9,7,3,1 repeated) ≡ 0 mod 10. Source: NAV; python-stdnum `stdnum.hu.anum`.
 */
export const checkHu: NumberCheck = (body) => {
  if (!/^\d{8}$/.test(body)) return 'format';
  return checksumVerdict(weightedSum(body, WEIGHTS) % 10 === 0);
};
