import type { Message } from '../../translate.js';

/**
 * Strings of the parts the pricing table loads on demand (src/pricing/extras.ts): the interval
 * switch, the currency menu, seat prices and the stepper, tier tables, usage lines and portal
 * mode's current plan and upgrade / downgrade labels. They travel in that chunk.
 */
export const pricingOnDemandEn = {
  'pricing.interval.label': 'Billing period',
  'pricing.interval.day': 'Daily',
  'pricing.interval.week': 'Weekly',
  'pricing.interval.month': 'Monthly',
  'pricing.interval.year': 'Yearly',
  'pricing.save': 'Save {percent}',
  'pricing.usage.perUnit': '+ {amount} per {unit}',
  'pricing.usage.afterIncluded': '+ {amount} per {unit} after {included} included',
  'pricing.usage.firstFree': 'First {included} free',
  'pricing.usage.fromPerUnit': '+ from {amount} per {unit}',
  'pricing.tiers.show': 'See volume pricing',
  'pricing.tiers.hide': 'Hide volume pricing',
  'pricing.tiers.caption': 'Volume pricing',
  'pricing.tiers.quantity': 'Quantity',
  'pricing.tiers.unitPrice': 'Per unit',
  'pricing.tiers.flat': 'Flat fee',
  'pricing.tiers.range': '{from}–{to}',
  'pricing.tiers.rangeOpen': '{from}+',
  'pricing.tiers.free': 'Free',
  'pricing.tiers.graduatedNote': 'Each tier’s price applies to the units within it.',
  'pricing.tiers.volumeNote': 'The price of the tier you reach applies to every unit.',
  'pricing.seats': 'Seats',
  'pricing.currency.label': 'Currency',
  'pricing.perUnit': 'per {unit}',
  'pricing.from': 'from {amount}',
  'pricing.total': '{amount} in total',
  'pricing.cta.current': 'Current plan',
  'pricing.cta.upgrade': 'Upgrade',
  'pricing.cta.downgrade': 'Downgrade',
  'pricing.cta.switch': 'Switch to this plan',
} satisfies Record<string, Message>;
