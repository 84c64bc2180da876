/**
 * The check-digit building blocks shared by the national rules. Each works on a string of
 * decimal digits (callers check the format first) so a 13-digit number never loses precision
 * in a float.
 */

const DIGITS = /^\d+$/;

/** True when `value` is one or more ASCII digits. */
export function isDigits(value: string): boolean {
  return DIGITS.test(value);
}

/** The digit at `index` as a number (0 for a missing position, which format checks exclude). */
export function digitAt(digits: string, index: number): number {
  const code = digits.charCodeAt(index);
  return Number.isNaN(code) ? 0 : code - 48;
}

/** Σ weightᵢ × digitᵢ over the leading digits, as many as there are weights. */
export function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  weights.forEach((weight, i) => {
    sum += weight * digitAt(digits, i);
  });
  return sum;
}

/** `value mod m`, never negative (JavaScript's `%` keeps the dividend's sign). */
export function mod(value: number, m: number): number {
  return ((value % m) + m) % m;
}

/**
 * A long digit string modulo `m`, folded one digit at a time (Horner), so IBAN-length inputs
 * stay exact without BigInt.
 */
export function digitsMod(digits: string, m: number): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i += 1) rest = (rest * 10 + digitAt(digits, i)) % m;
  return rest;
}

/**
 * Luhn mod N over a string in `alphabet` (N = alphabet length; mod 10 over `0-9` is the
 * classic credit-card Luhn, mod 36 over `0-9A-Z` is India's GSTIN). From the right, every
 * second character is doubled and its two base-N "digits" summed. A complete number is valid
 * when the sum is 0 mod N. Source: ISO/IEC 7812-1 annex B; Luhn mod N generalisation.
 */
export function luhnSum(value: string, alphabet = '0123456789'): number {
  const n = alphabet.length;
  let sum = 0;
  for (let i = 0; i < value.length; i += 1) {
    const v = alphabet.indexOf(value.charAt(value.length - 1 - i));
    if (v < 0) return -1;
    const term = i % 2 === 1 ? v * 2 : v;
    sum += Math.floor(term / n) + (term % n);
  }
  return sum % n;
}

/** True when `value` (check character included) passes Luhn mod N. */
export function luhnValid(value: string, alphabet = '0123456789'): boolean {
  return value.length > 0 && luhnSum(value, alphabet) === 0;
}

/** The character that completes `body` under Luhn mod N. */
export function luhnCheckChar(body: string, alphabet = '0123456789'): string {
  const n = alphabet.length;
  // Appending a placeholder 0 shifts the doubling onto the right positions; the check is then
  // whatever brings the sum to 0 mod N (it is not doubled, so it adds itself).
  const sum = luhnSum(`${body}${alphabet.charAt(0)}`, alphabet);
  return alphabet.charAt(mod(n - sum, n));
}

/**
 * ISO 7064 MOD 11,10 (hybrid system): the remainder chain used by Germany's USt-IdNr and
 * Croatia's OIB. Returns the check digit for `body`. Source: ISO/IEC 7064:2003 §7.2.
 */
export function iso7064Mod11_10(body: string): number {
  let product = 10;
  for (let i = 0; i < body.length; i += 1) {
    let sum = (digitAt(body, i) + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  return (11 - product) % 10;
}
