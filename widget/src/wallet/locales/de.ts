import { commonDe } from '../../i18n/messages/common/de.js';
import { flowDe } from '../../i18n/messages/flow/de.js';
import { walletDe } from '../../i18n/messages/wallet/de.js';
import type { Catalog } from '../../i18n/translate.js';
import type { WalletMessageKey } from '../messages.js';

/** The wallet button's copy in one language: its own chunk, loaded when a button renders in it. */
export const walletButtonDe: Catalog<WalletMessageKey> = { ...commonDe, ...flowDe, ...walletDe };
