import type { ApiTarget } from '../api/request.js';
import type { CardParams, PaymentMethodParam } from './checkout-session.js';

/** A digital wallet the browser can pay with. */
export type Wallet = 'apple_pay' | 'google_pay';

/**
 * Where payment details come from. The sandbox (test mode, `sandbox.ts`) reads our own card form
 * and simulates wallets; a live gateway (Stripe's Payment Element) will mount its own fields and
 * hand back tokens through the same calls, so the checkout flow does not change. Live mode has
 * no provider yet: the checkout shows its `payment-element` slot.
 */
export interface PaymentProvider {
  /** True when the card number is typed into Abona's own form (only ever in test mode). */
  readonly ownsCardForm: boolean;
  /** The wallet this browser can pay with, or undefined (the wallet option is then hidden). */
  wallet(): Wallet | undefined;
  /** A payment method for `confirm` from the card form. */
  cardPaymentMethod(target: ApiTarget, card: CardParams): Promise<PaymentMethodParam>;
  /** A payment method for `confirm` once the wallet sheet was approved. */
  walletPaymentMethod(wallet: Wallet): PaymentMethodParam;
}
