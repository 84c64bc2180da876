import { PricingTable } from './pricing-table.component.js';

export { PricingTable, type CtaMode } from './pricing-table.component.js';

// Guarded: a page may load Abona twice (npm bundle and script tag); the first definition wins.
if (!customElements.get('abona-pricing-table')) customElements.define('abona-pricing-table', PricingTable);

declare global {
  interface HTMLElementTagNameMap {
    'abona-pricing-table': PricingTable;
  }
}
