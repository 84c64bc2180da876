import { digitAt, weightedSum } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

const WEIGHTS = [8, 7, 6, 5, 4, 3, 2];

/**
 * Slovenia, ID za DDV: 8 digits, the first not 0; check = 11 − (Σ (8…2) × digit mod 11), 10
 * written as 0 and 11 never issued. Source: FURS; python-stdnum `stdnum.si.ddv`.
 */
export const checkSi: NumberCheck = (body) => {
  if (!/^[1-9]\d{7}$/.test(body)) return 'format';
  const check = 11 - (weightedSum(body, WEIGHTS) % 11);
  return checksumVerdict(check !== 11 && check % 10 === digitAt(body, 7));
};
