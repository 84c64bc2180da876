import { weightedSum } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

/** Check letters: index 0 is W, then A…V. */
const ALPHABET = 'WABCDEFGHIJKLMNOPQRSTUV';
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2];

/** The check letter of 7 digits plus an optional second letter (W or A–I, weighing 9). */
function checkLetter(sevenDigits: string, second: string): string {
  const extra = second === '' ? 0 : 9 * ALPHABET.indexOf(second);
  return ALPHABET.charAt((weightedSum(sevenDigits, WEIGHTS) + extra) % 23);
}

/**
 * Ireland, VAT number. Three shapes:
 * - new (2013): 7 digits, check letter, and a second letter W or A–I (W = 0, A = 1 … I = 9)
 *   that also enters the sum with weight 9;
 * - classic: 7 digits and the check letter;
 * - old: digit, letter or + or *, 5 digits, check letter; checked as "0" + the 5 digits + the
 *   first digit.
 * Check letter = "WABC…V"[(Σ (8…2) × digit + 9 × second) mod 23].
 * Source: Revenue, "VAT registration number format"; python-stdnum `stdnum.ie.vat`.
 */
export const checkIe: NumberCheck = (body) => {
  let match = /^(\d{7})([A-W])([A-IW]?)$/.exec(body);
  if (match) return checksumVerdict(checkLetter(match[1] ?? '', match[3] ?? '') === match[2]);
  match = /^(\d)[A-Z+*](\d{5})([A-W])$/.exec(body);
  if (match) return checksumVerdict(checkLetter(`0${match[2] ?? ''}${match[1] ?? ''}`, '') === match[3]);
  return 'format';
};
