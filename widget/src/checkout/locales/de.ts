import { checkoutDe as checkoutDeOwn } from '../../i18n/messages/checkout/de.js';
import { commonDe } from '../../i18n/messages/common/de.js';
import { flowDe } from '../../i18n/messages/flow/de.js';
import { walletDe } from '../../i18n/messages/wallet/de.js';
import type { Catalog } from '../../i18n/translate.js';
import type { CheckoutMessageKey } from '../messages.js';

/** The checkout's copy in one language: its own chunk, loaded when a checkout renders in it. */
export const checkoutDe: Catalog<CheckoutMessageKey> = { ...commonDe, ...flowDe, ...checkoutDeOwn, ...walletDe };
