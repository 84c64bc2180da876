import { digitAt } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

/** The value of a digit in an odd (1st, 3rd, …) position. */
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Cyprus, ΑΦΜ: 8 digits and a check letter. Digits in odd positions map through
 * 0→1, 1→0, 2→5, 3→7, 4→9, 5→13, 6→15, 7→17, 8→19, 9→21, even positions count as themselves;
 * the letter is A + (sum mod 26). The first digit is 0, 1, 3, 4, 5 or 9 and never "12".
 * Source: Cyprus Tax Department; python-stdnum `stdnum.cy.vat`.
 */
export const checkCy: NumberCheck = (body) => {
  if (!/^[013459]\d{7}[A-Z]$/.test(body) || body.startsWith('12')) return 'format';
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const d = digitAt(body, i);
    sum += i % 2 === 0 ? (ODD[d] ?? 0) : d;
  }
  return checksumVerdict(LETTERS.charAt(sum % 26) === body.charAt(8));
};
