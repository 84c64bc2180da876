import { commonEs } from '../../i18n/messages/common/es.js';
import { pricingEs } from '../../i18n/messages/pricing/es.js';
import type { Catalog } from '../../i18n/translate.js';
import type { PricingMessageKey } from '../messages.js';

/** The pricing table's copy in one language: its own chunk, loaded when a table renders in it. */
export const pricingTableEs: Catalog<PricingMessageKey> = { ...commonEs, ...pricingEs };
