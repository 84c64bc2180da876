import type { CardBrand, CardFunding, DeclineCode } from './types.js';

/**
 * How a sandbox payment method behaves when charged. Stored with the method instead of the card
 * number, so the sandbox reproduces Stripe's test cards without ever keeping a number.
 */
export type SandboxBehavior =
  | 'succeed'
  /** 4000 0025 0000 3155: 3-D Secure on-session; off-session only once set up. */
  | 'authenticate_unless_setup'
  /** 4000 0000 0000 3220: 3-D Secure on every on-session charge; off-session always fails. */
  | 'authenticate_always'
  /** 4000 0000 0000 0341: attaches and sets up fine, every charge declines. */
  | 'decline_after_attach'
  | 'decline_card_declined'
  | 'decline_insufficient_funds'
  | 'decline_expired_card'
  | 'decline_incorrect_cvc'
  | 'decline_processing_error'
  | 'decline_lost_card'
  | 'decline_stolen_card'
  /** SEPA test IBAN DE89…3000: processing, then succeeds on settle. */
  | 'settle_succeed'
  /** SEPA test IBAN DE62…3001: processing, then fails on settle. */
  | 'settle_fail';

/** The decline code a `decline_*` behavior stands for, or null. */
export function behaviorDeclineCode(behavior: SandboxBehavior): DeclineCode | null {
  switch (behavior) {
    case 'decline_after_attach':
    case 'decline_card_declined':
      return 'card_declined';
    case 'decline_insufficient_funds':
      return 'insufficient_funds';
    case 'decline_expired_card':
      return 'expired_card';
    case 'decline_incorrect_cvc':
      return 'incorrect_cvc';
    case 'decline_processing_error':
      return 'processing_error';
    case 'decline_lost_card':
      return 'lost_card';
    case 'decline_stolen_card':
      return 'stolen_card';
    default:
      return null;
  }
}

export interface TestCard {
  readonly brand: CardBrand;
  readonly funding: CardFunding;
  readonly behavior: SandboxBehavior;
}

/** Stripe's documented test card numbers (https://docs.stripe.com/testing). */
export const TEST_CARDS: Readonly<Record<string, TestCard>> = {
  '4242424242424242': { brand: 'visa', funding: 'credit', behavior: 'succeed' },
  '4000056655665556': { brand: 'visa', funding: 'debit', behavior: 'succeed' },
  '5555555555554444': { brand: 'mastercard', funding: 'credit', behavior: 'succeed' },
  '2223003122003222': { brand: 'mastercard', funding: 'credit', behavior: 'succeed' },
  '5200828282828210': { brand: 'mastercard', funding: 'debit', behavior: 'succeed' },
  '5105105105105100': { brand: 'mastercard', funding: 'prepaid', behavior: 'succeed' },
  '378282246310005': { brand: 'amex', funding: 'credit', behavior: 'succeed' },
  '371449635398431': { brand: 'amex', funding: 'credit', behavior: 'succeed' },
  '6011111111111117': { brand: 'discover', funding: 'credit', behavior: 'succeed' },
  '3056930009020004': { brand: 'diners', funding: 'credit', behavior: 'succeed' },
  '36227206271667': { brand: 'diners', funding: 'credit', behavior: 'succeed' },
  '3566002020360505': { brand: 'jcb', funding: 'credit', behavior: 'succeed' },
  '6200000000000005': { brand: 'unionpay', funding: 'credit', behavior: 'succeed' },
  '4000000000000002': { brand: 'visa', funding: 'credit', behavior: 'decline_card_declined' },
  '4000000000009995': { brand: 'visa', funding: 'credit', behavior: 'decline_insufficient_funds' },
  '4000000000009987': { brand: 'visa', funding: 'credit', behavior: 'decline_lost_card' },
  '4000000000009979': { brand: 'visa', funding: 'credit', behavior: 'decline_stolen_card' },
  '4000000000000069': { brand: 'visa', funding: 'credit', behavior: 'decline_expired_card' },
  '4000000000000127': { brand: 'visa', funding: 'credit', behavior: 'decline_incorrect_cvc' },
  '4000000000000119': { brand: 'visa', funding: 'credit', behavior: 'decline_processing_error' },
  '4000002500003155': { brand: 'visa', funding: 'credit', behavior: 'authenticate_unless_setup' },
  '4000000000003220': { brand: 'visa', funding: 'credit', behavior: 'authenticate_always' },
  '4000000000000341': { brand: 'visa', funding: 'credit', behavior: 'decline_after_attach' },
};

/**
 * Stripe's static test tokens (`tok_visa`…), reusable, each standing for one test card number.
 */
export const STATIC_CARD_TOKENS: Readonly<Record<string, string>> = {
  tok_visa: '4242424242424242',
  tok_visa_debit: '4000056655665556',
  tok_mastercard: '5555555555554444',
  tok_amex: '378282246310005',
  tok_chargeDeclined: '4000000000000002',
  tok_chargeDeclinedInsufficientFunds: '4000000000009995',
  tok_chargeDeclinedExpiredCard: '4000000000000069',
  tok_chargeDeclinedIncorrectCvc: '4000000000000127',
  tok_chargeDeclinedProcessingError: '4000000000000119',
  tok_chargeCustomerFail: '4000000000000341',
  tok_threeDSecureRequired: '4000002500003155',
  tok_threeDSecure2Required: '4000000000003220',
};

/** Luhn (mod 10) check of a string of digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    // Double every second digit from the right.
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The card network from the number's prefix (IIN ranges), `'unknown'` when none matches. */
export function detectBrand(digits: string): CardBrand {
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^(36|30[0-5]|3095|3[89])/.test(digits)) return 'diners';
  if (/^35(2[89]|[3-8])/.test(digits)) return 'jcb';
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|222[1-9]|22[3-9]|2[3-6]|27[01]|2720)/.test(digits)) return 'mastercard';
  if (/^(6011|64[4-9]|65)/.test(digits)) return 'discover';
  if (/^62/.test(digits)) return 'unionpay';
  return 'unknown';
}

/** Card number lengths each network issues. */
export function validLengths(brand: CardBrand): readonly number[] {
  switch (brand) {
    case 'amex':
      return [15];
    case 'diners':
      return [14, 16];
    case 'visa':
      return [13, 16, 19];
    case 'unionpay':
    case 'unknown':
      return [16, 17, 18, 19];
    default:
      return [16];
  }
}
