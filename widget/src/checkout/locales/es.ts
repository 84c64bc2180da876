import { checkoutEs as checkoutEsOwn } from '../../i18n/messages/checkout/es.js';
import { commonEs } from '../../i18n/messages/common/es.js';
import { flowEs } from '../../i18n/messages/flow/es.js';
import { walletEs } from '../../i18n/messages/wallet/es.js';
import type { Catalog } from '../../i18n/translate.js';
import type { CheckoutMessageKey } from '../messages.js';

/** The checkout's copy in one language: its own chunk, loaded when a checkout renders in it. */
export const checkoutEs: Catalog<CheckoutMessageKey> = { ...commonEs, ...flowEs, ...checkoutEsOwn, ...walletEs };
