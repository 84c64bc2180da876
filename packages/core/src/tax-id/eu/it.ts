import { luhnValid } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

/**
 * Italy, partita IVA: 11 digits. Digits 1–7 are the company (not all zero), 8–10 the tax office
 * (001–100, or 120, 121, 888, 999 for special cases), and the 11th the Luhn check digit of the
 * first 10. Source: D.P.R. 633/1972 art. 35, Agenzia delle Entrate; python-stdnum `stdnum.it.iva`.
 */
export const checkIt: NumberCheck = (body) => {
  if (!/^\d{11}$/.test(body) || body.startsWith('0000000')) return 'format';
  const office = Number(body.slice(7, 10));
  if (!((office >= 1 && office <= 100) || [120, 121, 888, 999].includes(office))) return 'format';
  return checksumVerdict(luhnValid(body));
};
