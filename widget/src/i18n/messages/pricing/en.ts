import { pricingFirstRenderEn } from './en-first-render.js';
import { pricingOnDemandEn } from './en-on-demand.js';

/** Strings of `<abona-pricing-table>`. English, the source of the keys. */
export const pricingEn = { ...pricingFirstRenderEn, ...pricingOnDemandEn };

/** A key of the pricing strings. */
export type PricingKey = keyof typeof pricingEn;
