import { STATIC_CARD_TOKENS, TEST_CARDS, type SandboxBehavior } from './cards.js';
import type { CardSummary, PaymentMethodType } from './types.js';

/** What a reusable, well-known sandbox token stands for. */
export interface StaticToken {
  readonly type: PaymentMethodType;
  readonly card: CardSummary | null;
  readonly behavior: SandboxBehavior;
}

/** Simulated wallets: what Apple Pay / Google Pay would hand over after the sheet. */
const WALLETS: Readonly<Record<string, { type: PaymentMethodType; number: string }>> = {
  tok_apple_pay: { type: 'apple_pay', number: '4242424242424242' },
  tok_google_pay: { type: 'google_pay', number: '5555555555554444' },
  // A wallet whose underlying card the issuer refuses when charged.
  tok_wallet_declined: { type: 'google_pay', number: '4000000000000002' },
};

/** Years until the static tokens' cards expire, from the year of attachment. */
const STATIC_EXPIRY_YEARS = 3;

function cardOf(number: string, nowMs: number): { card: CardSummary; behavior: SandboxBehavior } | null {
  const testCard = TEST_CARDS[number];
  if (testCard === undefined) return null;
  return {
    card: {
      brand: testCard.brand,
      last4: number.slice(-4),
      expMonth: 12,
      expYear: new Date(nowMs).getUTCFullYear() + STATIC_EXPIRY_YEARS,
      funding: testCard.funding,
    },
    behavior: testCard.behavior,
  };
}

/**
 * Resolves `tok_apple_pay`, `tok_google_pay`, `tok_wallet_declined`, `tok_bank_transfer` and
 * Stripe's static card tokens (`tok_visa`, `tok_chargeDeclined`…); null for anything else.
 */
export function resolveStaticToken(token: string, nowMs: number): StaticToken | null {
  if (token === 'tok_bank_transfer') return { type: 'bank_transfer', card: null, behavior: 'settle_succeed' };
  const wallet = Object.hasOwn(WALLETS, token) ? WALLETS[token] : undefined;
  if (wallet !== undefined) {
    const resolved = cardOf(wallet.number, nowMs);
    return resolved === null ? null : { type: wallet.type, ...resolved };
  }
  const number = Object.hasOwn(STATIC_CARD_TOKENS, token) ? STATIC_CARD_TOKENS[token] : undefined;
  if (number === undefined) return null;
  const resolved = cardOf(number, nowMs);
  return resolved === null ? null : { type: 'card', ...resolved };
}
