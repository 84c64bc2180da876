import { digitsMod } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

/**
 * Luxembourg, numéro TVA: 8 digits, the last two being the first six mod 89.
 * Source: AED; python-stdnum `stdnum.lu.tva`.
 */
export const checkLu: NumberCheck = (body) => {
  if (!/^\d{8}$/.test(body)) return 'format';
  return checksumVerdict(digitsMod(body.slice(0, 6), 89) === Number(body.slice(6)));
};
