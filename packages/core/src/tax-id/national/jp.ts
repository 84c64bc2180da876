import { digitAt } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

/**
 * Japan, corporate number (法人番号): 13 digits, the FIRST being the check digit:
 * 9 − (Σ Pₙ × Qₙ mod 9), Pₙ the n-th of the other 12 digits counted from the right and Qₙ
 * 1 for odd n, 2 for even n. Source: National Tax Agency, "法人番号の指定を受けた者の…
 * チェックデジットの計算方法" (法人番号の通知等に関する省令 第2条); python-stdnum `stdnum.jp.cn`.
 */
export const checkJp: NumberCheck = (body) => {
  if (!/^[1-9]\d{12}$/.test(body)) return 'format';
  let sum = 0;
  for (let n = 1; n <= 12; n += 1) sum += digitAt(body, 13 - n) * (n % 2 === 1 ? 1 : 2);
  return checksumVerdict(9 - (sum % 9) === digitAt(body, 0));
};
