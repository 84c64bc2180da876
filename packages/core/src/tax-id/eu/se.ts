import { luhnValid } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

/**
 * Sweden, momsregistreringsnummer: the 10-digit organisationsnummer (Luhn check digit) and
 * "01". Source: Skatteverket, SKV 709; python-stdnum `stdnum.se.vat`.
 */
export const checkSe: NumberCheck = (body) => {
  if (!/^\d{10}01$/.test(body)) return 'format';
  return checksumVerdict(luhnValid(body.slice(0, 10)));
};
