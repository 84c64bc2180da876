import { commonRo } from '../../i18n/messages/common/ro.js';
import { flowRo } from '../../i18n/messages/flow/ro.js';
import { walletRo } from '../../i18n/messages/wallet/ro.js';
import type { Catalog } from '../../i18n/translate.js';
import type { WalletMessageKey } from '../messages.js';

/** The wallet button's copy in one language: its own chunk, loaded when a button renders in it. */
export const walletButtonRo: Catalog<WalletMessageKey> = { ...commonRo, ...flowRo, ...walletRo };
