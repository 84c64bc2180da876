import type { Catalog } from '../../translate.js';
import type { WalletKey } from './en.js';

/** Romanian: strings of `<abona-wallet-button>`. The Apple Pay / Google Pay marks come from the wallet itself. */
export const walletRo: Catalog<WalletKey> = {
  'wallet.label': 'Plătește cu un portofel digital',
  'wallet.canceled': 'Plată anulată. Nu ți s-a perceput nimic.',
  'wallet.failed': 'Plata cu portofelul nu a reușit. Încearcă din nou sau plătește cu cardul.',
  'wallet.payWith': 'Plătește cu {wallet}',
  'wallet.test': '{wallet} (test)',
  'wallet.sheet.note': 'Mod de test: o fereastră de portofel simulată. Nu se percepe nimic.',
  'wallet.email': 'E-mail',
  'wallet.total': 'Total azi',
  'wallet.success': 'Plata a reușit. Mulțumim!',
};
