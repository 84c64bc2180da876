import { digitAt, weightedSum } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

const WEIGHTS = [8, 7, 6, 5, 4, 3, 2];

/**
 * Czechia, DIČ. Legal entities have their 8-digit IČO (not starting with 9): weights 8…2 on the
 * first 7 digits, check = (11 − S mod 11) mod 11, 0 becoming 1, then taken mod 10.
 * Individuals use their 9- or 10-digit birth number (rodné číslo); we check only its shape,
 * as the brief asks, because the birth-number rules have many historic exceptions.
 * Source: zákon č. 111/2009 Sb. (IČO); python-stdnum `stdnum.cz.dic`.
 */
export const checkCz: NumberCheck = (body) => {
  if (/^\d{9,10}$/.test(body)) return undefined;
  if (!/^[0-8]\d{7}$/.test(body)) return 'format';
  const check = (11 - (weightedSum(body, WEIGHTS) % 11)) % 11;
  return checksumVerdict((check === 0 ? 1 : check) % 10 === digitAt(body, 7));
};
