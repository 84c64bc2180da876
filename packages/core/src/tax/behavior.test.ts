import { describe, expect, it } from 'vitest';
import { resolveTaxBehavior } from './behavior.js';
import type { TaxContext } from './context.js';

const context = (customerCountry: string, pricesIncludeTaxIn?: string[]): TaxContext => ({
  seller: { country: 'DE', registrations: [], pricesIncludeTaxIn },
  customer: { country: customerCountry, business: false },
});

describe('resolveTaxBehavior', () => {
  it('keeps an explicit behavior whatever the seller lists', () => {
    expect(resolveTaxBehavior('inclusive', context('US'))).toBe('inclusive');
    expect(resolveTaxBehavior('exclusive', context('DE', ['DE']))).toBe('exclusive');
  });

  it('treats unspecified prices as exclusive unless the customer’s country is listed', () => {
    expect(resolveTaxBehavior('unspecified', context('DE'))).toBe('exclusive'); // no list: exclusive everywhere
    expect(resolveTaxBehavior('unspecified', context('DE', ['DE', 'AU']))).toBe('inclusive');
    expect(resolveTaxBehavior('unspecified', context('AU', ['DE', 'AU']))).toBe('inclusive');
    expect(resolveTaxBehavior('unspecified', context('US', ['DE', 'AU']))).toBe('exclusive');
    expect(resolveTaxBehavior('unspecified', context('de', ['DE']))).toBe('inclusive'); // codes compare case-insensitively
  });
});
