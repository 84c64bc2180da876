import { digitAt, weightedSum } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

const LEGAL_1 = [1, 2, 3, 4, 5, 6, 7, 8];
const LEGAL_2 = [3, 4, 5, 6, 7, 8, 9, 10];
const EGN = [2, 4, 8, 5, 10, 9, 7, 3, 6];
const PNF = [21, 19, 17, 13, 11, 9, 7, 3, 1];
const OTHER = [4, 3, 2, 7, 6, 5, 4, 3, 2];

/** 9-digit BULSTAT/EIK of a legal entity: weights 1–8, falling back to 3–10 when the sum is 10. */
function legalValid(digits: string): boolean {
  let check = weightedSum(digits, LEGAL_1) % 11;
  if (check === 10) check = weightedSum(digits, LEGAL_2) % 11;
  return check % 10 === digitAt(digits, 8);
}

/** True when the EGN's first six digits are a real date: month +20 for 1800s, +40 for 2000s. */
function egnDateValid(digits: string): boolean {
  let year = 1900 + Number(digits.slice(0, 2));
  let month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  if (month > 40) {
    year += 100;
    month -= 40;
  } else if (month > 20) {
    year -= 100;
    month -= 20;
  }
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/**
 * Bulgaria, ИН по ДДС: 9 digits (legal entities) or 10 digits (EGN of a citizen, LNCh/PNF of a
 * foreigner, or another 10-digit id). An EGN must also encode a real birth date. A 10-digit number is valid when any of its three check
 * schemes holds. Source: Наредба № 8/2002 (BULSTAT), ЗГР (EGN); python-stdnum `stdnum.bg.vat`.
 */
export const checkBg: NumberCheck = (body) => {
  if (body.length === 9 && /^\d+$/.test(body)) return checksumVerdict(legalValid(body));
  if (body.length !== 10 || !/^\d+$/.test(body)) return 'format';
  const last = digitAt(body, 9);
  const egn = egnDateValid(body) && (weightedSum(body, EGN) % 11) % 10 === last;
  const pnf = weightedSum(body, PNF) % 10 === last;
  const other = (11 - (weightedSum(body, OTHER) % 11)) % 11 === last;
  return checksumVerdict(egn || pnf || other);
};
