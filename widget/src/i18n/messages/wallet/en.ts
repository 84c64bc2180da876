import type { Message } from '../../translate.js';

/** Strings of `<abona-wallet-button>`. The Apple Pay / Google Pay marks come from the wallet itself. English, the source of the keys. */
export const walletEn = {
  'wallet.label': 'Pay with a digital wallet',
  'wallet.pay': 'Pay {amount}',
  'wallet.subscribe': 'Subscribe · {amount}',
  'wallet.unavailable': 'No digital wallet is available on this device.',
  'wallet.orPayWithCard': 'Or pay with card',
  'wallet.canceled': 'Payment canceled. Nothing was charged.',
  'wallet.failed': 'The wallet payment didn’t go through. Try again or pay with a card.',
} satisfies Record<string, Message>;

/** A key of the wallet strings. */
export type WalletKey = keyof typeof walletEn;
