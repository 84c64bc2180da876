import { weightedSum } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1];

/**
 * Finland, ALV-numero (Y-tunnus without the dash): 8 digits with
 * Σ weight × digit (7,9,10,5,8,4,2,1) ≡ 0 mod 11. Source: Verohallinto / PRH, Y-tunnuksen
 * tarkistusmerkki; python-stdnum `stdnum.fi.alv`.
 */
export const checkFi: NumberCheck = (body) => {
  if (!/^\d{8}$/.test(body)) return 'format';
  return checksumVerdict(weightedSum(body, WEIGHTS) % 11 === 0);
};
