import { digitsMod } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

/**
 * Slovakia, IČ DPH: 10 digits, the first not 0, the third 2, 3, 4, 7, 8 or 9, and the whole
 * number divisible by 11. Source: Finančná správa SR; python-stdnum `stdnum.sk.dph` (which also
 * accepts a bare rodné číslo; the Finančná správa issues IČ DPH in the form above, so we do not).
 */
export const checkSk: NumberCheck = (body) => {
  if (!/^[1-9]\d[234789]\d{7}$/.test(body)) return 'format';
  return checksumVerdict(digitsMod(body, 11) === 0);
};
