import { digitAt, luhnSum, mod } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

/**
 * Austria, UID-Nummer `U` + 8 digits. The check digit is a Luhn variant over the 7 digits
 * after `U`: C8 = (10 − (S + 4) mod 10) mod 10 = (6 − S) mod 10, S being the Luhn sum
 * (positions 2, 4, 6 doubled and cross-summed). Source: BMF, "Aufbau der UID-Nummer";
 * python-stdnum `stdnum.at.uid`.
 */
export const checkAt: NumberCheck = (body) => {
  if (!/^U\d{8}$/.test(body)) return 'format';
  const digits = body.slice(1);
  const s = luhnSum(digits.slice(0, 7));
  return checksumVerdict(mod(6 - s, 10) === digitAt(digits, 7));
};
