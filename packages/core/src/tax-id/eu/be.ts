import { digitsMod } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

/**
 * Belgium, ondernemingsnummer: 10 digits starting with 0 or 1 (9-digit pre-2007 numbers take a
 * leading 0 in normalisation). The last two digits are 97 − (first 8 mod 97).
 * Source: FPS Economy (KBO/BCE) numbering rules; python-stdnum `stdnum.be.vat`.
 */
export const checkBe: NumberCheck = (body) => {
  if (!/^[01]\d{9}$/.test(body)) return 'format';
  return checksumVerdict(97 - digitsMod(body.slice(0, 8), 97) === Number(body.slice(8)));
};
