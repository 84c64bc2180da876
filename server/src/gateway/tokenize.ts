import { InvalidInputError } from '@abona/core';
import { TEST_CARDS, detectBrand, luhnValid, validLengths, type SandboxBehavior } from './cards.js';
import { TEST_IBANS, ibanBankCode, ibanValid, normalizeIban } from './iban.js';
import type { CardSummary, SepaDebitSummary } from './types.js';

/**
 * What the widget's test-mode card form posts (Stripe's field names). Only ever accepted by the
 * sandbox; in live mode card data goes straight from the browser to Stripe.
 */
export interface TestCardInput {
  readonly number: string;
  readonly exp_month: number | string;
  readonly exp_year: number | string;
  readonly cvc: string;
}

/** A SEPA debit mandate form's account number. */
export interface TestSepaDebitInput {
  readonly iban: string;
}

/** The parts of a card the sandbox keeps, and how it will behave. */
export interface TokenizedCard {
  readonly card: CardSummary;
  readonly behavior: SandboxBehavior;
}

export interface TokenizedSepaDebit {
  readonly sepaDebit: SepaDebitSummary;
  readonly behavior: SandboxBehavior;
}

/** Farthest expiry year accepted, counted from the current one. */
const MAX_EXPIRY_YEARS_AHEAD = 50;

function parseInteger(value: number | string): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  return /^\s*\d{1,4}\s*$/.test(value) ? Number(value) : null;
}

/**
 * Validates a test card (Luhn, length, expiry against `nowMs`, CVC) and reduces it to what may
 * be stored: brand, last 4, expiry, funding, and the test card's behavior. The number and CVC
 * are dropped here and never reach the store.
 *
 * Numbers that are valid but are not Stripe test cards are refused (`test_mode_live_card`), as
 * Stripe does in test mode: nobody should type a real card into a sandbox.
 */
export function tokenizeTestCard(input: TestCardInput, nowMs: number): TokenizedCard {
  const digits = typeof input.number === 'string' ? input.number.replace(/[\s-]/g, '') : '';
  const brand = detectBrand(digits);
  if (!/^\d+$/.test(digits) || !validLengths(brand).includes(digits.length) || !luhnValid(digits)) {
    throw new InvalidInputError('Your card number is invalid.', 'number', 'invalid_number');
  }

  const expMonth = parseInteger(input.exp_month);
  if (expMonth === null || expMonth < 1 || expMonth > 12) {
    throw new InvalidInputError("Your card's expiration month is invalid.", 'exp_month', 'invalid_expiry');
  }
  const rawYear = parseInteger(input.exp_year);
  // Two-digit years are this century, as printed on cards.
  const expYear = rawYear !== null && rawYear < 100 ? 2000 + rawYear : rawYear;
  const currentYear = new Date(nowMs).getUTCFullYear();
  if (expYear === null || expYear > currentYear + MAX_EXPIRY_YEARS_AHEAD) {
    throw new InvalidInputError("Your card's expiration year is invalid.", 'exp_year', 'invalid_expiry');
  }
  // A card is good through the last moment of its expiry month (UTC).
  if (Date.UTC(expYear, expMonth, 1) <= nowMs) {
    throw new InvalidInputError('Your card has expired.', 'exp_year', 'invalid_expiry');
  }

  const cvcLength = brand === 'amex' ? 4 : 3;
  if (typeof input.cvc !== 'string' || !new RegExp(`^\\d{${cvcLength}}$`).test(input.cvc)) {
    throw new InvalidInputError("Your card's security code is invalid.", 'cvc', 'invalid_cvc');
  }

  const testCard = TEST_CARDS[digits];
  if (testCard === undefined) {
    throw new InvalidInputError(
      'Your card was declined. Your request was in test mode, but used a real card. Use a Stripe test card number.',
      'number',
      'test_mode_live_card',
    );
  }
  return {
    card: { brand: testCard.brand, last4: digits.slice(-4), expMonth, expYear, funding: testCard.funding },
    behavior: testCard.behavior,
  };
}

/** Validates a test IBAN and keeps only country, bank code and last 4. */
export function tokenizeTestSepaDebit(input: TestSepaDebitInput): TokenizedSepaDebit {
  const iban = typeof input.iban === 'string' ? normalizeIban(input.iban) : '';
  if (!ibanValid(iban)) throw new InvalidInputError('The IBAN you entered is invalid.', 'iban', 'invalid_iban');
  const behavior = TEST_IBANS[iban];
  if (behavior === undefined) {
    throw new InvalidInputError(
      'Your request was in test mode, but used a real IBAN. Use DE89370400440532013000 or DE62370400440532013001.',
      'iban',
      'test_mode_live_card',
    );
  }
  return { sepaDebit: { country: iban.slice(0, 2), bankCode: ibanBankCode(iban), last4: iban.slice(-4) }, behavior };
}
