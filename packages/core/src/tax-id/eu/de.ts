import { digitAt, iso7064Mod11_10 } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

/**
 * Germany, USt-IdNr: 9 digits, the first not 0; the last is the ISO 7064 MOD 11,10 check
 * digit of the first 8. Source: BZSt; ISO/IEC 7064; python-stdnum `stdnum.de.vat`.
 */
export const checkDe: NumberCheck = (body) => {
  if (!/^[1-9]\d{8}$/.test(body)) return 'format';
  return checksumVerdict(iso7064Mod11_10(body.slice(0, 8)) === digitAt(body, 8));
};
