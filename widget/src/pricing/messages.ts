import { lazyCatalogs } from '../i18n/lazy-catalogs.js';
import type { CommonKey } from '../i18n/messages/common/en.js';
import { commonFeatureEn } from '../i18n/messages/common/en-features.js';
import type { PricingKey } from '../i18n/messages/pricing/en.js';
import { pricingFirstRenderEn } from '../i18n/messages/pricing/en-first-render.js';
import type { Catalog } from '../i18n/translate.js';

/** A key of the pricing table's strings: common ones plus its own. No checkout or portal copy. */
export type PricingMessageKey = CommonKey | PricingKey;

/**
 * The pricing table's catalogs. English ships in the bundle; each other language is a separate
 * module (an ESM chunk on the CDN, a file of the npm build) that loads the first time a table
 * renders in it. The IIFE bundle, which cannot split, carries them all inline.
 *
 * English starts with what a flat-priced table renders; the strings only the on-demand parts
 * render (interval switch, stepper, tiers, usage lines, error panel) arrive with them in the
 * extras chunk, which calls {@link addEnglish} (see lazy-parts.ts), before any of them renders.
 */
export const pricingTableMessages = lazyCatalogs<PricingMessageKey>({ ...commonFeatureEn, ...pricingFirstRenderEn } as Catalog<PricingMessageKey>, {
  ro: () => import('./locales/ro.js').then((m) => m.pricingTableRo),
  de: () => import('./locales/de.js').then((m) => m.pricingTableDe),
  fr: () => import('./locales/fr.js').then((m) => m.pricingTableFr),
  es: () => import('./locales/es.js').then((m) => m.pricingTableEs),
});

/** Completes the English catalog with strings that arrived in a lazy chunk. */
export function addEnglish(strings: Partial<Catalog<PricingMessageKey>>): void {
  Object.assign(pricingTableMessages.catalogs.en, strings);
}
