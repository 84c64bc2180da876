import { commonMessages } from '../i18n/messages/common.js';
import { pricingMessages } from '../i18n/messages/pricing.js';
import { mergeMessages } from '../i18n/translate.js';

/** The pricing table's strings: common ones plus its own. */
export const pricingTableMessages = mergeMessages(commonMessages, pricingMessages);

/** A key of {@link pricingTableMessages}. */
export type PricingMessageKey = keyof (typeof pricingTableMessages)['en'];
