import { createBuiltInTaxCalculator } from './calculator.js';
import type { TaxContext } from './context.js';
import type { TaxCalculationInput, TaxCalculationResult } from './types.js';

/**
 * The port for a tax engine that lives outside the process (Avalara AvaTax, Stripe Tax, TaxJar,
 * Vertex…), needed for rooftop-accurate US local rates or product taxability beyond SaaS.
 * It takes what the built-in calculator takes (the context, then the lines) and answers the same
 * {@link TaxCalculationResult}, but asynchronously: the server implements it with its HTTP client,
 * awaits it while building an invoice, and stores the answer with the invoice so the pure core
 * never waits on the network. Implementations must return one entry per input line (same
 * `index`), amounts in integer minor units of the input currency, and never throw for an untaxed
 * customer (answer empty `taxes` instead).
 */
export interface TaxProvider {
  /** Recorded with each calculation: `'built_in'`, `'stripe_tax'`, `'avalara'`. */
  readonly name: string;
  calculate(context: TaxContext, input: TaxCalculationInput): Promise<TaxCalculationResult>;
}

/** The built-in engine behind the {@link TaxProvider} port: the default when none is configured. */
export const builtInTaxProvider: TaxProvider = {
  name: 'built_in',
  async calculate(context, input) {
    return createBuiltInTaxCalculator(context)(input);
  },
};
