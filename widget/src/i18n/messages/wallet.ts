import { defineMessages } from '../translate.js';

/** Strings of `<abona-wallet-button>`. The Apple Pay / Google Pay marks come from the wallet itself. */
export const walletMessages = defineMessages({
  en: {
    'wallet.label': 'Pay with a digital wallet',
    'wallet.pay': 'Pay {amount}',
    'wallet.subscribe': 'Subscribe · {amount}',
    'wallet.unavailable': 'No digital wallet is available on this device.',
    'wallet.orPayWithCard': 'Or pay with card',
    'wallet.canceled': 'Payment canceled. Nothing was charged.',
    'wallet.failed': 'The wallet payment didn’t go through. Try again or pay with a card.',
  },
  ro: {
    'wallet.label': 'Plătește cu un portofel digital',
    'wallet.pay': 'Plătește {amount}',
    'wallet.subscribe': 'Abonează-te · {amount}',
    'wallet.unavailable': 'Niciun portofel digital nu este disponibil pe acest dispozitiv.',
    'wallet.orPayWithCard': 'Sau plătește cu cardul',
    'wallet.canceled': 'Plată anulată. Nu ți s-a perceput nimic.',
    'wallet.failed': 'Plata cu portofelul nu a reușit. Încearcă din nou sau plătește cu cardul.',
  },
  de: {
    'wallet.label': 'Mit einer digitalen Wallet bezahlen',
    'wallet.pay': '{amount} bezahlen',
    'wallet.subscribe': 'Abonnieren · {amount}',
    'wallet.unavailable': 'Auf diesem Gerät ist keine digitale Wallet verfügbar.',
    'wallet.orPayWithCard': 'Oder mit Karte bezahlen',
    'wallet.canceled': 'Zahlung abgebrochen. Es wurde nichts belastet.',
    'wallet.failed': 'Die Wallet-Zahlung ist fehlgeschlagen. Versuchen Sie es erneut oder zahlen Sie mit Karte.',
  },
  fr: {
    'wallet.label': 'Payer avec un portefeuille numérique',
    'wallet.pay': 'Payer {amount}',
    'wallet.subscribe': 'S’abonner · {amount}',
    'wallet.unavailable': 'Aucun portefeuille numérique n’est disponible sur cet appareil.',
    'wallet.orPayWithCard': 'Ou payer par carte',
    'wallet.canceled': 'Paiement annulé. Aucun montant n’a été débité.',
    'wallet.failed': 'Le paiement par portefeuille n’a pas abouti. Réessayez ou payez par carte.',
  },
  es: {
    'wallet.label': 'Pagar con un monedero digital',
    'wallet.pay': 'Pagar {amount}',
    'wallet.subscribe': 'Suscribirse · {amount}',
    'wallet.unavailable': 'No hay ningún monedero digital disponible en este dispositivo.',
    'wallet.orPayWithCard': 'O paga con tarjeta',
    'wallet.canceled': 'Pago cancelado. No se ha cobrado nada.',
    'wallet.failed': 'El pago con el monedero no se ha completado. Vuelve a intentarlo o paga con tarjeta.',
  },
});
