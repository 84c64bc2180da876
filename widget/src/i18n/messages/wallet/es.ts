import type { Catalog } from '../../translate.js';
import type { WalletKey } from './en.js';

/** Spanish: strings of `<abona-wallet-button>`. The Apple Pay / Google Pay marks come from the wallet itself. */
export const walletEs: Catalog<WalletKey> = {
  'wallet.label': 'Pagar con un monedero digital',
  'wallet.pay': 'Pagar {amount}',
  'wallet.subscribe': 'Suscribirse · {amount}',
  'wallet.unavailable': 'No hay ningún monedero digital disponible en este dispositivo.',
  'wallet.orPayWithCard': 'O paga con tarjeta',
  'wallet.canceled': 'Pago cancelado. No se ha cobrado nada.',
  'wallet.failed': 'El pago con el monedero no se ha completado. Vuelve a intentarlo o paga con tarjeta.',
};
