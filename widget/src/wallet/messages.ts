import { lazyCatalogs } from '../i18n/lazy-catalogs.js';
import { commonEn } from '../i18n/messages/common/en.js';
import { flowEn } from '../i18n/messages/flow/en.js';
import { walletEn } from '../i18n/messages/wallet/en.js';

/** The wallet button's English strings: common, flow (test mode) and its own. */
const walletButtonEn = { ...commonEn, ...flowEn, ...walletEn };

/** A key of the wallet button's strings. */
export type WalletMessageKey = keyof typeof walletButtonEn;

/** The wallet button's catalogs: English in the bundle, other languages loaded on first use. */
export const walletMessages = lazyCatalogs<WalletMessageKey>(walletButtonEn, {
  ro: () => import('./locales/ro.js').then((m) => m.walletButtonRo),
  de: () => import('./locales/de.js').then((m) => m.walletButtonDe),
  fr: () => import('./locales/fr.js').then((m) => m.walletButtonFr),
  es: () => import('./locales/es.js').then((m) => m.walletButtonEs),
});
