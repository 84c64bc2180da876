import { digitAt, weightedSum } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

const WEIGHTS = [7, 5, 3, 2, 1, 7, 5, 3, 2];

/**
 * Romania, CIF/CUI: 2 to 10 digits, the first not 0. The digits before the check, padded on
 * the left with zeros to 9, weigh 7,5,3,2,1,7,5,3,2; check = (10 × S mod 11) mod 10.
 * Source: ANAF, Ordinul MFP 1.414/2002 (algoritm CIF); python-stdnum `stdnum.ro.cf`.
 */
export const checkRo: NumberCheck = (body) => {
  if (!/^[1-9]\d{1,9}$/.test(body)) return 'format';
  const padded = body.slice(0, -1).padStart(9, '0');
  return checksumVerdict(((10 * weightedSum(padded, WEIGHTS)) % 11) % 10 === digitAt(body, body.length - 1));
};
