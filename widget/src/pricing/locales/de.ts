import { commonDe } from '../../i18n/messages/common/de.js';
import { pricingDe } from '../../i18n/messages/pricing/de.js';
import type { Catalog } from '../../i18n/translate.js';
import type { PricingMessageKey } from '../messages.js';

/** The pricing table's copy in one language: its own chunk, loaded when a table renders in it. */
export const pricingTableDe: Catalog<PricingMessageKey> = { ...commonDe, ...pricingDe };
