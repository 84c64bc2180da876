import { luhnValid } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

/**
 * South Africa, VAT number: 10 digits starting with 4, with a Luhn check digit.
 * SARS does not publish the algorithm; Luhn is what every number on its own VAT vendor search
 * help page satisfies, and what the brief asks for. If a genuine number is ever rejected,
 * this is the check to relax to format only.
 */
export const checkZa: NumberCheck = (body) => {
  if (!/^4\d{9}$/.test(body)) return 'format';
  return checksumVerdict(luhnValid(body));
};
