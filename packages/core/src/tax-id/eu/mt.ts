import { weightedSum } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

const WEIGHTS = [3, 4, 6, 7, 8, 9, 10, 1];

/**
 * Malta, VAT number: 8 digits, the first not 0, with Σ weight × digit (3,4,6,7,8,9,10,1)
 * ≡ 0 mod 37. Source: CfR Malta; python-stdnum `stdnum.mt.vat`.
 */
export const checkMt: NumberCheck = (body) => {
  if (!/^[1-9]\d{7}$/.test(body)) return 'format';
  return checksumVerdict(weightedSum(body, WEIGHTS) % 37 === 0);
};
