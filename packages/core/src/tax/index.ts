export { resolveTaxBehavior } from './behavior.js';
export { BUILT_IN_TAX_CODES, createBuiltInTaxCalculator } from './calculator.js';
export {
  validateTaxContext,
  type CustomerTaxId,
  type SellerRegistration,
  type TaxContext,
  type TaxCustomer,
  type TaxSeller,
} from './context.js';
export { decomposeInclusive, exclusiveTax, type InclusiveSplit } from './decompose.js';
export { EU_REVERSE_CHARGE_NOTE, EXEMPT_NOTE, REVERSE_CHARGE_NOTE, planTaxes, type TaxPlan } from './plan.js';
export { builtInTaxProvider, type TaxProvider } from './provider.js';
export {
  EU_COUNTRIES,
  hasSubdivisionRates,
  taxRateFor,
  taxRateTable,
  type SaasTaxability,
  type TaxRateEntry,
} from './rates/index.js';
export {
  noTax,
  type TaxAmount,
  type TaxCalculationInput,
  type TaxCalculationResult,
  type TaxCalculator,
  type TaxTreatment,
  type TaxType,
  type TaxableLine,
} from './types.js';
