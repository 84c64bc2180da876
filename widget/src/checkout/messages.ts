import { lazyCatalogs } from '../i18n/lazy-catalogs.js';
import { checkoutCatalogLoaders } from './catalog-loaders.js';
import { checkoutEn } from '../i18n/messages/checkout/en.js';
import { commonEn } from '../i18n/messages/common/en.js';
import { flowEn } from '../i18n/messages/flow/en.js';
import { walletEn } from '../i18n/messages/wallet/en.js';

/** The checkout's English strings: common, flow (test mode, processing), its own, and the wallet's. */
const checkoutElementEn = { ...commonEn, ...flowEn, ...checkoutEn, ...walletEn };

/** A key of the checkout's strings. */
export type CheckoutMessageKey = keyof typeof checkoutElementEn;

/**
 * The checkout's catalogs: English in the view chunk, every other language its own module loaded
 * the first time a checkout renders in it (as the pricing table does).
 */
export const checkoutMessages = lazyCatalogs<CheckoutMessageKey>(checkoutElementEn, checkoutCatalogLoaders);
