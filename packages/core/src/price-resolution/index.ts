export { resolvePrices } from './resolve.js';
export { yearlySavingPercent } from './saving.js';
export type { ResolvePricesInput, ResolvedPrice, ResolvedPrices, TaxNote } from './types.js';
