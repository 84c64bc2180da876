import type { Message } from '../../translate.js';

/** Strings of `<abona-wallet-button>`. The Apple Pay / Google Pay marks come from the wallet itself. English, the source of the keys. */
export const walletEn = {
  'wallet.label': 'Pay with a digital wallet',
  'wallet.canceled': 'Payment canceled. Nothing was charged.',
  'wallet.failed': 'The wallet payment didn’t go through. Try again or pay with a card.',
  'wallet.payWith': 'Pay with {wallet}',
  'wallet.test': '{wallet} (test)',
  'wallet.sheet.note': 'Test mode: a simulated wallet sheet. Nothing is charged.',
  'wallet.email': 'Email',
  'wallet.total': 'Total today',
  'wallet.success': 'Payment complete. Thank you!',
} satisfies Record<string, Message>;

/** A key of the wallet strings. */
export type WalletKey = keyof typeof walletEn;
