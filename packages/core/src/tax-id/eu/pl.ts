import { digitAt, weightedSum } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

const WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7];

/**
 * Poland, NIP: 10 digits; the last is Σ weight × digit (6,5,7,2,3,4,5,6,7) mod 11, which is
 * never 10 for an issued number. Source: Rozporządzenie MF w sprawie NIP; python-stdnum
 * `stdnum.pl.nip`.
 */
export const checkPl: NumberCheck = (body) => {
  if (!/^\d{10}$/.test(body)) return 'format';
  return checksumVerdict(weightedSum(body, WEIGHTS) % 11 === digitAt(body, 9));
};
