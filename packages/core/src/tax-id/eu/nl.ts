import { digitAt, digitsMod, weightedSum } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

const ELEVEN_TEST = [9, 8, 7, 6, 5, 4, 3, 2];

/**
 * Netherlands, btw-id: 9 digits, "B", 2 digits (not 00). Valid when either check holds:
 * - classic (RSIN/BSN "elfproef"): Σ (9…2) × first 8 digits − 9th digit ≡ 0 mod 11;
 * - btw-id of sole traders since 1 January 2020: ISO 7064 MOD 97-10 over "NL" + the number
 *   (letters as 10 + position: N = 23, L = 21, B = 11) ≡ 1 mod 97.
 * Source: Belastingdienst, "Btw-identificatienummer" (2020); python-stdnum `stdnum.nl.btw`.
 */
export const checkNl: NumberCheck = (body) => {
  if (!/^\d{9}B\d{2}$/.test(body) || /^0{9}/.test(body) || body.endsWith('B00')) return 'format';
  const classic = (weightedSum(body, ELEVEN_TEST) - digitAt(body, 8)) % 11 === 0;
  const mod97 = digitsMod(`2321${body.slice(0, 9)}11${body.slice(10)}`, 97) === 1;
  return checksumVerdict(classic || mod97);
};
