import type { Catalog } from '../../translate.js';
import type { WalletKey } from './en.js';

/** German: strings of `<abona-wallet-button>`. The Apple Pay / Google Pay marks come from the wallet itself. */
export const walletDe: Catalog<WalletKey> = {
  'wallet.label': 'Mit einer digitalen Wallet bezahlen',
  'wallet.pay': '{amount} bezahlen',
  'wallet.subscribe': 'Abonnieren · {amount}',
  'wallet.unavailable': 'Auf diesem Gerät ist keine digitale Wallet verfügbar.',
  'wallet.orPayWithCard': 'Oder mit Karte bezahlen',
  'wallet.canceled': 'Zahlung abgebrochen. Es wurde nichts belastet.',
  'wallet.failed': 'Die Wallet-Zahlung ist fehlgeschlagen. Versuchen Sie es erneut oder zahlen Sie mit Karte.',
};
