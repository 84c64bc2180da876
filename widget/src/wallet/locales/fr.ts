import { commonFr } from '../../i18n/messages/common/fr.js';
import { flowFr } from '../../i18n/messages/flow/fr.js';
import { walletFr } from '../../i18n/messages/wallet/fr.js';
import type { Catalog } from '../../i18n/translate.js';
import type { WalletMessageKey } from '../messages.js';

/** The wallet button's copy in one language: its own chunk, loaded when a button renders in it. */
export const walletButtonFr: Catalog<WalletMessageKey> = { ...commonFr, ...flowFr, ...walletFr };
