export { noTax, type TaxAmount, type TaxCalculationInput, type TaxCalculationResult, type TaxCalculator, type TaxType, type TaxableLine } from './types.js';
