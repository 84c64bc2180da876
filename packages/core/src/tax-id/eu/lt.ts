import { digitAt } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

/** Weights 1…9 repeating, shifted by `offset` for the second round. */
function sum(digits: string, offset: number): number {
  let total = 0;
  for (let i = 0; i < digits.length; i += 1) total += (1 + ((i + offset) % 9)) * digitAt(digits, i);
  return total;
}

/**
 * Lithuania, PVM mokėtojo kodas: 9 digits (legal entities, 8th digit "1") or 12 digits
 * (temporary taxpayers, 11th digit "1"). Check = Σ (1…9 repeating) × digit mod 11; when that is
 * 10, weights start at 3 instead; a final 10 becomes 0. Source: VMI; python-stdnum `stdnum.lt.pvm`.
 */
export const checkLt: NumberCheck = (body) => {
  if (!/^(\d{7}1\d|\d{10}1\d)$/.test(body)) return 'format';
  const digits = body.slice(0, -1);
  let check = sum(digits, 0) % 11;
  if (check === 10) check = sum(digits, 2) % 11;
  return checksumVerdict(check % 10 === digitAt(body, body.length - 1));
};
