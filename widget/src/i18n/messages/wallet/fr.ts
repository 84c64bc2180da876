import type { Catalog } from '../../translate.js';
import type { WalletKey } from './en.js';

/** French: strings of `<abona-wallet-button>`. The Apple Pay / Google Pay marks come from the wallet itself. */
export const walletFr: Catalog<WalletKey> = {
  'wallet.label': 'Payer avec un portefeuille numérique',
  'wallet.pay': 'Payer {amount}',
  'wallet.subscribe': 'S’abonner · {amount}',
  'wallet.unavailable': 'Aucun portefeuille numérique n’est disponible sur cet appareil.',
  'wallet.orPayWithCard': 'Ou payer par carte',
  'wallet.canceled': 'Paiement annulé. Aucun montant n’a été débité.',
  'wallet.failed': 'Le paiement par portefeuille n’a pas abouti. Réessayez ou payez par carte.',
};
