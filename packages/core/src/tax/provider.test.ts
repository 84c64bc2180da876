import { describe, expect, it } from 'vitest';
import { fromIso } from '../time/index.js';
import { createBuiltInTaxCalculator } from './calculator.js';
import type { TaxContext } from './context.js';
import { builtInTaxProvider } from './provider.js';
import type { TaxCalculationInput } from './types.js';

const context: TaxContext = {
  seller: { country: 'GB', registrations: [] },
  customer: { country: 'GB', business: false },
};
const input: TaxCalculationInput = {
  currency: 'GBP',
  atMs: fromIso('2025-09-01'),
  lines: [{ index: 7, amount: 1000, inclusive: false }],
};

describe('builtInTaxProvider', () => {
  it('answers what the calculator answers, as a promise', async () => {
    const answer = await builtInTaxProvider.calculate(context, input);
    expect(answer).toEqual(createBuiltInTaxCalculator(context)(input));
    expect(answer.lines[0]).toMatchObject({ index: 7, taxes: [{ amount: 200 }] }); // 1000 × 20% = 200
    expect(builtInTaxProvider.name).toBe('built_in');
  });

  it('rejects instead of throwing', async () => {
    const bad = { ...context, customer: { ...context.customer, country: 'GBR' } };
    await expect(builtInTaxProvider.calculate(bad, input)).rejects.toThrow(/customer\.country/);
  });
});
