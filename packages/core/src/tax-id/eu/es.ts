import { isDigits, luhnCheckChar } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const CIF_LETTERS = 'JABCDEFGHI';

/** The DNI control letter of a number: letter #(n mod 23). */
function dniLetter(digits: string): string {
  let rest = 0;
  for (const c of digits) rest = (rest * 10 + Number(c)) % 23;
  return DNI_LETTERS.charAt(rest);
}

/**
 * Spain, NIF-IVA: 9 characters.
 * - DNI (residents): 8 digits + letter #(n mod 23) of "TRWAGMYFPDXBNJZSQVHLCKE".
 * - NIE (foreigners): X/Y/Z → 0/1/2, then as DNI; K/L/M (special NIFs) as DNI on the 7 digits.
 * - CIF (entities): an entity letter, 7 digits, and a control that is the Luhn check digit of
 *   the 7 digits or its letter in "JABCDEFGHI". Which of the two is mandatory depends on the
 *   entity letter; we accept either, as the AEAT's own validator does.
 * Source: Real Decreto 1065/2007 art. 22 & Orden EHA/451/2008; python-stdnum `stdnum.es.vat`.
 */
export const checkEs: NumberCheck = (body) => {
  if (body.length !== 9 || !isDigits(body.slice(1, 8))) return 'format';
  const first = body.charAt(0);
  const last = body.charAt(8);
  if (isDigits(first)) {
    if (!/^[A-Z]$/.test(last)) return 'format';
    return checksumVerdict(dniLetter(body.slice(0, 8)) === last);
  }
  if ('XYZ'.includes(first)) {
    return checksumVerdict(dniLetter(`${'XYZ'.indexOf(first)}${body.slice(1, 8)}`) === last);
  }
  if ('KLM'.includes(first)) return checksumVerdict(dniLetter(body.slice(1, 8)) === last);
  if ('ABCDEFGHJNPQRSUVW'.includes(first)) {
    const digit = luhnCheckChar(body.slice(1, 8));
    return checksumVerdict(last === digit || last === CIF_LETTERS.charAt(Number(digit)));
  }
  return 'format';
};
