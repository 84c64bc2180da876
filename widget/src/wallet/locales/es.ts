import { commonEs } from '../../i18n/messages/common/es.js';
import { flowEs } from '../../i18n/messages/flow/es.js';
import { walletEs } from '../../i18n/messages/wallet/es.js';
import type { Catalog } from '../../i18n/translate.js';
import type { WalletMessageKey } from '../messages.js';

/** The wallet button's copy in one language: its own chunk, loaded when a button renders in it. */
export const walletButtonEs: Catalog<WalletMessageKey> = { ...commonEs, ...flowEs, ...walletEs };
