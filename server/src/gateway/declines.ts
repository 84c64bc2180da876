import type { DeclineCode } from './types.js';

interface DeclineInfo {
  readonly message: string;
  /** Retrying the same payment method cannot succeed (smart retries skip these). */
  readonly hard: boolean;
}

/**
 * Customer-facing messages (Stripe's wording) and whether each decline is hard. Lost, stolen,
 * expired cards and wrong card data are hard; "try again later" reasons (funds, the generic
 * decline, processing errors, missing authentication) are soft.
 */
const declines: Readonly<Record<DeclineCode, DeclineInfo>> = {
  card_declined: { message: 'Your card was declined.', hard: false },
  generic_decline: { message: 'Your card was declined.', hard: false },
  do_not_honor: { message: 'Your card was declined.', hard: false },
  insufficient_funds: { message: 'Your card has insufficient funds.', hard: false },
  expired_card: { message: 'Your card has expired.', hard: true },
  incorrect_cvc: { message: "Your card's security code is incorrect.", hard: true },
  processing_error: {
    message: 'An error occurred while processing your card. Try again in a little bit.',
    hard: false,
  },
  authentication_required: {
    message: 'Your card was declined. This transaction requires authentication.',
    hard: false,
  },
  authentication_failed: {
    message: 'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
    hard: false,
  },
  lost_card: { message: 'Your card was declined.', hard: true },
  stolen_card: { message: 'Your card was declined.', hard: true },
  debit_not_authorized: { message: 'The customer has notified their bank that this debit was unauthorized.', hard: true },
};

/** Message and hardness of a decline code. */
export function declineInfo(code: DeclineCode): DeclineInfo {
  return declines[code];
}
