import type { Catalog } from '../../translate.js';
import type { WalletKey } from './en.js';

/** Romanian: strings of `<abona-wallet-button>`. The Apple Pay / Google Pay marks come from the wallet itself. */
export const walletRo: Catalog<WalletKey> = {
  'wallet.label': 'Plătește cu un portofel digital',
  'wallet.pay': 'Plătește {amount}',
  'wallet.subscribe': 'Abonează-te · {amount}',
  'wallet.unavailable': 'Niciun portofel digital nu este disponibil pe acest dispozitiv.',
  'wallet.orPayWithCard': 'Sau plătește cu cardul',
  'wallet.canceled': 'Plată anulată. Nu ți s-a perceput nimic.',
  'wallet.failed': 'Plata cu portofelul nu a reușit. Încearcă din nou sau plătește cu cardul.',
};
