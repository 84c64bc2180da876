import { commonRo } from '../../i18n/messages/common/ro.js';
import { pricingRo } from '../../i18n/messages/pricing/ro.js';
import type { Catalog } from '../../i18n/translate.js';
import type { PricingMessageKey } from '../messages.js';

/** The pricing table's copy in one language: its own chunk, loaded when a table renders in it. */
export const pricingTableRo: Catalog<PricingMessageKey> = { ...commonRo, ...pricingRo };
