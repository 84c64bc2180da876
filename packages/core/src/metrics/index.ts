export { normalizedMrr, type MrrItem, type MrrOptions } from './mrr.js';
export { monthlyFactor } from './normalize.js';
export { type Fraction } from './rational.js';
export { arpa, arr, churnRate, customerLifetimeValue } from './ratios.js';
