import { weightedSum } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

const WEIGHTS = [9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1];

/**
 * Latvia, PVN numurs: 11 digits. Legal entities (first digit above 3) satisfy
 * Σ weight × digit (9,1,4,8,3,10,2,5,7,6,1) ≡ 3 mod 11. Natural persons use their personas kods
 * (birth-date based, or "32…" since 2017 without a date): format only.
 * Source: VID; python-stdnum `stdnum.lv.pvn`.
 */
export const checkLv: NumberCheck = (body) => {
  if (!/^\d{11}$/.test(body)) return 'format';
  if (body.charAt(0) <= '3') return undefined;
  return checksumVerdict(weightedSum(body, WEIGHTS) % 11 === 3);
};
