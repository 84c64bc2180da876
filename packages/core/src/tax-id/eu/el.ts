import { digitAt } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

/**
 * Greece, ΑΦΜ (VAT prefix EL): 9 digits. The first 8 weigh 2⁸ … 2¹; check = (S mod 11) mod 10.
 * Source: ΓΓΠΣ (AADE) ΑΦΜ algorithm; python-stdnum `stdnum.gr.vat`.
 */
export const checkEl: NumberCheck = (body) => {
  if (!/^\d{9}$/.test(body)) return 'format';
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum = sum * 2 + digitAt(body, i);
  return checksumVerdict(((sum * 2) % 11) % 10 === digitAt(body, 8));
};
