import type { Catalog } from '../../translate.js';
import type { WalletKey } from './en.js';

/** German: strings of `<abona-wallet-button>`. The Apple Pay / Google Pay marks come from the wallet itself. */
export const walletDe: Catalog<WalletKey> = {
  'wallet.label': 'Mit einer digitalen Wallet bezahlen',
  'wallet.canceled': 'Zahlung abgebrochen. Es wurde nichts belastet.',
  'wallet.failed': 'Die Wallet-Zahlung ist fehlgeschlagen. Versuchen Sie es erneut oder zahlen Sie mit Karte.',
  'wallet.payWith': 'Mit {wallet} bezahlen',
  'wallet.test': '{wallet} (Test)',
  'wallet.sheet.note': 'Testmodus: ein simuliertes Wallet-Fenster. Es wird nichts belastet.',
  'wallet.email': 'E-Mail',
  'wallet.total': 'Heute fällig',
  'wallet.success': 'Zahlung erfolgreich. Vielen Dank!',
};
