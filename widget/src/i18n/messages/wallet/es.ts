import type { Catalog } from '../../translate.js';
import type { WalletKey } from './en.js';

/** Spanish: strings of `<abona-wallet-button>`. The Apple Pay / Google Pay marks come from the wallet itself. */
export const walletEs: Catalog<WalletKey> = {
  'wallet.label': 'Pagar con un monedero digital',
  'wallet.canceled': 'Pago cancelado. No se ha cobrado nada.',
  'wallet.failed': 'El pago con el monedero no se ha completado. Vuelve a intentarlo o paga con tarjeta.',
  'wallet.payWith': 'Pagar con {wallet}',
  'wallet.test': '{wallet} (prueba)',
  'wallet.sheet.note': 'Modo de prueba: una ventana de monedero simulada. No se cobra nada.',
  'wallet.email': 'Correo electrónico',
  'wallet.total': 'Total hoy',
  'wallet.success': 'Pago completado. ¡Gracias!',
};
