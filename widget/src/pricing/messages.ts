import { lazyCatalogs } from '../i18n/lazy-catalogs.js';
import { commonEn } from '../i18n/messages/common/en.js';
import { pricingEn } from '../i18n/messages/pricing/en.js';

/** The pricing table's English strings: common ones plus its own. No checkout or portal copy. */
const pricingTableEn = { ...commonEn, ...pricingEn };

/** A key of the pricing table's strings. */
export type PricingMessageKey = keyof typeof pricingTableEn;

/**
 * The pricing table's catalogs. English ships in the bundle; each other language is a separate
 * module (an ESM chunk on the CDN, a file of the npm build) that loads the first time a table
 * renders in it. The IIFE bundle, which cannot split, carries them all inline.
 */
export const pricingTableMessages = lazyCatalogs<PricingMessageKey>(pricingTableEn, {
  ro: () => import('./locales/ro.js').then((m) => m.pricingTableRo),
  de: () => import('./locales/de.js').then((m) => m.pricingTableDe),
  fr: () => import('./locales/fr.js').then((m) => m.pricingTableFr),
  es: () => import('./locales/es.js').then((m) => m.pricingTableEs),
});
