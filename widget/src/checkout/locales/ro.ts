import { checkoutRo as checkoutRoOwn } from '../../i18n/messages/checkout/ro.js';
import { commonRo } from '../../i18n/messages/common/ro.js';
import { flowRo } from '../../i18n/messages/flow/ro.js';
import { walletRo } from '../../i18n/messages/wallet/ro.js';
import type { Catalog } from '../../i18n/translate.js';
import type { CheckoutMessageKey } from '../messages.js';

/** The checkout's copy in one language: its own chunk, loaded when a checkout renders in it. */
export const checkoutRo: Catalog<CheckoutMessageKey> = { ...commonRo, ...flowRo, ...checkoutRoOwn, ...walletRo };
