import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors/index.js';
import { euVatPrefixes } from './eu/index.js';
import { taxIdTypeFor } from './suggest.js';
import { validateTaxId } from './validate.js';

const EU = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'GR', 'ES', 'FI', 'FR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'];
const OTHERS = ['GB', 'CH', 'NO', 'IS', 'AU', 'NZ', 'CA', 'IN', 'SG', 'JP', 'KR', 'ZA', 'MX', 'TR', 'US'];

describe('taxIdTypeFor', () => {
  it('gives the checkout placeholder for Romania', () => {
    expect(taxIdTypeFor('RO')).toEqual({ type: 'eu_vat', example: 'RO18547290', types: ['eu_vat'] });
    expect(taxIdTypeFor('ro')?.example).toBe('RO18547290');
  });

  it('asks Greek customers for an EL number and UK ones for gb_vat first', () => {
    expect(taxIdTypeFor('GR')?.example).toBe('EL094259216');
    expect(taxIdTypeFor('EL')).toBeUndefined(); // EL is a VAT prefix, not a country
    expect(taxIdTypeFor('GB')).toEqual({ type: 'gb_vat', example: 'GB980780684', types: ['gb_vat', 'eu_vat'] });
    expect(taxIdTypeFor('CA')?.types).toEqual(['ca_gst_hst', 'ca_bn', 'ca_qst']);
  });

  it('shows an individual-looking example where sole traders use personal numbers', () => {
    expect(taxIdTypeFor('ES', false)?.example).toBe('ES12345678Z');
    expect(taxIdTypeFor('ES', true)?.example).toBe('ESB58378431');
    expect(taxIdTypeFor('DE', false)?.example).toBe('DE136695976'); // same shape for everyone
  });

  it('knows every member state, one per VIES prefix except XI', () => {
    for (const c of EU) expect(taxIdTypeFor(c)?.type).toBe('eu_vat');
    expect(EU).toHaveLength(Object.keys(euVatPrefixes).length - 1);
  });

  it('every example passes its own validation, for businesses and individuals', () => {
    for (const country of [...EU, ...OTHERS]) {
      for (const business of [true, false]) {
        const suggestion = taxIdTypeFor(country, business);
        expect(suggestion, country).toBeDefined();
        if (suggestion === undefined) continue;
        const result = validateTaxId(suggestion.type, suggestion.example);
        expect(result.valid, `${country} ${suggestion.example}`).toBe(true);
        // XI aside, the number belongs to the country it is suggested for
        expect(result.country).toBe(country);
      }
    }
  });

  it('returns undefined for countries without a known type and rejects non-codes', () => {
    expect(taxIdTypeFor('BR')).toBeUndefined();
    expect(() => taxIdTypeFor('__')).toThrow(InvalidInputError);
    expect(() => taxIdTypeFor('ROU')).toThrow(expect.objectContaining({ param: 'country' }));
  });

  it('property: any answer has its default type first among its types', () => {
    const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    fc.assert(
      fc.property(letter, letter, fc.boolean(), (a, b, business) => {
        const s = taxIdTypeFor(`${a}${b}`, business);
        if (s !== undefined) expect(s.types[0]).toBe(s.type);
      }),
    );
  });
});
