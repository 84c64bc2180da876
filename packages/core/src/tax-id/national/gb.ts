import { weightedSum } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

/** Digits 1–7 weigh 8…2; the two check digits count as a 2-digit number (weights 10, 1). */
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 1];

/**
 * United Kingdom (and XI, Northern Ireland) VAT registration number:
 * - 9 digits, or 12 for a branch trader (3 branch digits that are not checked). S is
 *   Σ weight × digit mod 97. Under the original "mod 97" scheme S = 0; numbers issued under
 *   the "mod 9755" scheme (first three digits ≥ 100) have (S + 55) ≡ 0 mod 97, i.e. S = 42.
 * - GD + 3 digits below 500 (government departments), HA + 3 digits from 500 (health
 *   authorities): format only, they carry no check digits.
 * Numbers from 100 on are also accepted with S = 55 (published descriptions of mod 9755 differ
 * on the sign of the 55), as python-stdnum does: rejecting a real number at checkout costs
 * more than letting a rare typo through.
 * Source: HMRC VAT Notice 700/1 and the published mod 97 / mod 9755 rules; python-stdnum
 * `stdnum.gb.vat`.
 */
export const checkGb: NumberCheck = (body) => {
  const special = /^(GD|HA)(\d{3})$/.exec(body);
  if (special) {
    const n = Number(special[2]);
    return (special[1] === 'GD') === n < 500 ? undefined : 'format';
  }
  if (!/^(\d{9}|\d{12})$/.test(body)) return 'format';
  const s = weightedSum(body, WEIGHTS) % 97;
  return checksumVerdict(s === 0 || ((s === 42 || s === 55) && Number(body.slice(0, 3)) >= 100));
};
