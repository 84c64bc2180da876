import type { Catalog } from '../../translate.js';
import type { WalletKey } from './en.js';

/** French: strings of `<abona-wallet-button>`. The Apple Pay / Google Pay marks come from the wallet itself. */
export const walletFr: Catalog<WalletKey> = {
  'wallet.label': 'Payer avec un portefeuille numérique',
  'wallet.canceled': 'Paiement annulé. Aucun montant n’a été débité.',
  'wallet.failed': 'Le paiement par portefeuille n’a pas abouti. Réessayez ou payez par carte.',
  'wallet.payWith': 'Payer avec {wallet}',
  'wallet.test': '{wallet} (test)',
  'wallet.sheet.note': 'Mode test : une fenêtre de portefeuille simulée. Rien n’est débité.',
  'wallet.email': 'E-mail',
  'wallet.total': 'Total aujourd’hui',
  'wallet.success': 'Paiement effectué. Merci !',
};
