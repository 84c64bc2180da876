/*
 * Everything the pricing table needs only for some data or some clicks, as ONE chunk, with the
 * English and the styles they render with: seat prices and the stepper (seat-priced plans), the
 * interval switch (more than one interval), the currency menu (more than one currency), the tier
 * table (tiered prices), the usage lines (usage prices), the error panel (a failed load), the
 * current plan and upgrade / downgrade labels (portal mode, `current-price`), the messages of a
 * misconfigured key, error reporting (the `abona-error` event) and the checkout opener (`cta-mode` other than `event`). One chunk rather
 * than several because esbuild gives every distinct set of importers its own shared chunk: four lazy entries split Lit,
 * the tokens and the price helpers into separately gzipped files, costing more than they save.
 */
import '../shared/seat-stepper/seat-stepper.js';
import { commonEn } from '../i18n/messages/common/en.js';
import { pricingOnDemandEn } from '../i18n/messages/pricing/en-on-demand.js';

/** The English of these parts, added to the table's catalog when this chunk arrives (messages.ts). */
export const onDemandEn = { ...commonEn, ...pricingOnDemandEn };

export { renderCurrencyMenu, renderIntervalSwitch, renderPriceParts } from './table-controls.js';
export { CardChoices } from './card-choices.js';
export { refinePrice } from './price-details.js';
export { describeRelation, renderCurrentPlan } from './relation.js';
export { tierStyles } from './tier-table.js';
export { renderLoadError } from './load-error.js';
export { errorStateStyles } from '../shared/error-state.js';
export { onDemandStyles } from './on-demand.styles.js';
export { segmentStyles } from '../shared/segmented-control/segmented-control.styles.js';
export { statusTokenStyles } from '../theme/status-tokens.styles.js';
export { fieldBaseStyles, stateButtonStyles } from '../theme/state.styles.js';
export { openCheckout } from '../checkout/open-checkout.js';
export { keyError } from '../api/key-error.js';
export { loadFailure } from './load-failure.js';
export { reportElementError } from '../base/report-error.js';
