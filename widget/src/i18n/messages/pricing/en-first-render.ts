import type { Message } from '../../translate.js';

/**
 * Strings of `<abona-pricing-table>` that a flat-priced table renders with. `{unit}` is the
 * vendor's own unit label ("seat", "API call"). A module of its own because bundlers place whole
 * modules in chunks: the rest of the copy (en-on-demand.ts) travels in the lazy extras chunk.
 */
export const pricingFirstRenderEn = {
  'pricing.label': 'Plans and pricing',
  'pricing.loading': 'Loading prices…',
  'pricing.updating': 'Updating price…',
  'pricing.empty': 'No plans are available right now.',
  'pricing.per.day': { one: '/ day', other: '/ {count} days' },
  'pricing.per.week': { one: '/ week', other: '/ {count} weeks' },
  'pricing.per.month': { one: '/ month', other: '/ {count} months' },
  'pricing.per.year': { one: '/ year', other: '/ {count} years' },
  'pricing.unit.default': 'unit',
  'pricing.billedYearly': 'billed yearly as {amount}',
  'pricing.tax.incl': 'incl. {label}',
  'pricing.tax.inclGeneric': 'incl. tax',
  'pricing.tax.excl': '+ {label}',
  'pricing.tax.exclGeneric': '+ tax',
  'pricing.tax.reverseCharge': 'VAT reverse charged',
  'pricing.package': 'per {size} {unit}',
  'pricing.custom': 'Custom',
  'pricing.customNote': 'Tailored to your volume',
  'pricing.popular': 'Most popular',
  'pricing.features': 'Includes',
  'pricing.cta.trial': 'Start {count}-day free trial',
  'pricing.cta.subscribe': 'Subscribe',
  'pricing.cta.contact': 'Contact sales',
} satisfies Record<string, Message>;
