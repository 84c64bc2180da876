import { commonFr } from '../../i18n/messages/common/fr.js';
import { pricingFr } from '../../i18n/messages/pricing/fr.js';
import type { Catalog } from '../../i18n/translate.js';
import type { PricingMessageKey } from '../messages.js';

/** The pricing table's copy in one language: its own chunk, loaded when a table renders in it. */
export const pricingTableFr: Catalog<PricingMessageKey> = { ...commonFr, ...pricingFr };
