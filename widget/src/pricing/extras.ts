/*
 * Everything the pricing table needs only for some data or some clicks, as ONE chunk: the seat
 * stepper (seat-priced plans), the interval switch (more than one interval), the tier table (tiered prices), the usage lines (usage prices), the error panel (a failed load)
 * and the checkout opener (`cta-mode` other than `event`). One chunk rather than four because
 * esbuild gives every distinct set of importers its own shared chunk: four lazy entries split Lit,
 * the tokens and the price helpers into separately gzipped files, costing more than they save.
 */
import '../shared/seat-stepper/seat-stepper.js';
import '../shared/segmented-control/segmented-control.js';

export { renderTiers, tierStyles } from './tier-table.js';
export { describeUsage, usageHeadline } from './usage-view.js';
export { errorState, errorStateStyles } from '../shared/error-state.js';
export { openCheckout } from '../checkout/open-checkout.js';
