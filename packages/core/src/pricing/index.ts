export { assertQuantity, priceAmount, priceBreakdown, type PriceBreakdown, type PricePart } from './breakdown.js';
export { trialEnd } from './trial.js';
export { aggregateUsage, type UsageEvent } from './usage.js';
export { MAX_TRIAL_DAYS, validatePrice, validatePricingModel } from './validate.js';
