import { weightedSum } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1];

/**
 * Estonia, KMKR: 9 digits starting with "10", Σ weight × digit (3,7,1 repeated) ≡ 0 mod 10.
 * Source: Maksu- ja Tolliamet; python-stdnum `stdnum.ee.kmkr`.
 */
export const checkEe: NumberCheck = (body) => {
  if (!/^10\d{7}$/.test(body)) return 'format';
  return checksumVerdict(weightedSum(body, WEIGHTS) % 10 === 0);
};
