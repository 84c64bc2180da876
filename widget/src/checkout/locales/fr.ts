import { checkoutFr as checkoutFrOwn } from '../../i18n/messages/checkout/fr.js';
import { commonFr } from '../../i18n/messages/common/fr.js';
import { flowFr } from '../../i18n/messages/flow/fr.js';
import { walletFr } from '../../i18n/messages/wallet/fr.js';
import type { Catalog } from '../../i18n/translate.js';
import type { CheckoutMessageKey } from '../messages.js';

/** The checkout's copy in one language: its own chunk, loaded when a checkout renders in it. */
export const checkoutFr: Catalog<CheckoutMessageKey> = { ...commonFr, ...flowFr, ...checkoutFrOwn, ...walletFr };
