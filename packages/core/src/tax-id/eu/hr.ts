import { digitAt, iso7064Mod11_10 } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

/**
 * Croatia, OIB: 11 digits, the last the ISO 7064 MOD 11,10 check digit of the first 10.
 * Source: Porezna uprava, "Tehnička specifikacija OIB" (ISO 7064); python-stdnum `stdnum.hr.oib`.
 */
export const checkHr: NumberCheck = (body) => {
  if (!/^\d{11}$/.test(body)) return 'format';
  return checksumVerdict(iso7064Mod11_10(body.slice(0, 10)) === digitAt(body, 10));
};
