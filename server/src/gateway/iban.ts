import type { SandboxBehavior } from './cards.js';

/** Stripe's SEPA Direct Debit test IBANs and what they do when the debit settles. */
export const TEST_IBANS: Readonly<Record<string, SandboxBehavior>> = {
  DE89370400440532013000: 'settle_succeed',
  DE62370400440532013001: 'settle_fail',
};

/** Removes spaces and upper-cases, the form IBANs are compared and validated in. */
export function normalizeIban(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/**
 * ISO 13616 check: two letters, two check digits, up to 30 alphanumerics, and the number formed
 * by moving the first four characters to the end (letters as 10–35) is 1 mod 97.
 */
export function ibanValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' ? char.charCodeAt(0) - 55 : Number(char);
    // Fold digit by digit so the number never leaves the safe integer range.
    remainder = value > 9 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

/** Bank code of a German IBAN (the BLZ, characters 5–12); for other countries the next 4. */
export function ibanBankCode(iban: string): string {
  return iban.startsWith('DE') ? iban.slice(4, 12) : iban.slice(4, 8);
}
