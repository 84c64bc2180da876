import type { CardParams } from './checkout-session.js';

/** Test cards of the sandbox, one click away in test mode; labels are message keys. */
export const testCards = [
  { number: '4242424242424242', label: 'checkout.testCards.success' },
  { number: '4000000000000002', label: 'checkout.testCards.declined' },
  { number: '4000000000009995', label: 'checkout.testCards.insufficient' },
  { number: '4000002500003155', label: 'checkout.testCards.threeDs' },
] as const;

/** Groups a card number in fours as it is typed: "4242 4242 4242 4242". */
export function formatCardNumber(value: string): string {
  return value.replace(/\D/g, '').slice(0, 19).replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** Formats an expiry as typed: "12" → "12 / ", "1230" → "12 / 30". */
export function formatExpiry(value: string): string {
  const digits = value.replace(/\D/g, '').slice(0, 4);
  return digits.length > 2 ? `${digits.slice(0, 2)} / ${digits.slice(2)}` : digits;
}

/** True when the digits pass the Luhn check every card number carries. */
export function luhnValid(number: string): boolean {
  const digits = number.replace(/\D/g, '');
  if (digits.length < 12) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Which card field is wrong, if any: the sandbox still decides declines itself. */
export type CardProblem = 'number' | 'expiry' | 'cvc';

/**
 * Reads the card form into what the sandbox takes, or names the first field that cannot be
 * right (a number failing Luhn, a month outside 1–12, a CVC of fewer than 3 digits).
 */
export function readCard(number: string, expiry: string, cvc: string): CardParams | CardProblem {
  if (!luhnValid(number)) return 'number';
  const [, month, year] = /^(\d{2}) \/ (\d{2})$/.exec(expiry) ?? [];
  if (!month || !year || Number(month) < 1 || Number(month) > 12) return 'expiry';
  if (!/^\d{3,4}$/.test(cvc)) return 'cvc';
  return { number: number.replace(/\D/g, ''), exp_month: Number(month), exp_year: 2000 + Number(year), cvc };
}
