import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors/index.js';
import { taxIdTypes, type TaxIdType } from './types.js';
import { normalizeTaxId, validateTaxId } from './validate.js';

describe('normalizeTaxId', () => {
  it.each([
    ['eu_vat', ' ro 185.472-90 ', 'RO18547290'],
    ['eu_vat', 'DE\u00a0136\u2013695\u2013976', 'DE136695976'], // no-break space and en dash
    ['eu_vat', 'GR 094259216', 'EL094259216'], // ISO code → VIES prefix
    ['eu_vat', 'EL94259216', 'EL094259216'], // old 8-digit Greek number
    ['eu_vat', 'BE 417.710.407', 'BE0417710407'], // old 9-digit Belgian number
    ['eu_vat', 'es b-58378431', 'ESB58378431'],
    ['gb_vat', '980 7806 84', 'GB980780684'],
    ['gb_vat', 'gd001', 'GBGD001'],
    ['ch_vat', 'CHE-116.281.710 MWST', 'CHE116281710MWST'],
    ['ch_vat', '116.281.710', 'CHE116281710'],
    ['no_vat', 'NO 974 760 673', 'NO974760673MVA'],
    ['us_ein', '91-1144442', '911144442'],
    ['eu_vat', 'not a number', 'NOTANUMBER'], // garbage stays recognisable, unvalidated
  ] as [TaxIdType, string, string][])('%s %j → %s', (type, input, expected) => {
    expect(normalizeTaxId(type, input)).toBe(expected);
  });

  it('rejects an unknown type and a value that is not a string', () => {
    expect(() => normalizeTaxId('xx_vat' as TaxIdType, '1')).toThrow(InvalidInputError);
    expect(() => normalizeTaxId('toString' as TaxIdType, '1')).toThrow(expect.objectContaining({ param: 'type' }));
    expect(() => validateTaxId('eu_vat', 42 as unknown as string)).toThrow(expect.objectContaining({ param: 'value' }));
  });
});

const type = fc.constantFrom(...taxIdTypes);
/** Strings near real tax ids (prefixes, digits, separators, lower case) as well as arbitrary ones. */
const taxIdLike = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc
    .tuple(
      fc.constantFrom('', 'GR', 'gr', 'EL', 'BE', 'GB', 'CHE', 'NO', 'XI', 'es'),
      fc.array(fc.constantFrom(...'0123456789 .-–\u00a0ABmvaMVAtvaB'), { maxLength: 16 }),
    )
    .map(([prefix, chars]) => `${prefix}${chars.join('')}`),
);

describe('normalisation properties', () => {
  it('normalize is idempotent for every type', () => {
    fc.assert(
      fc.property(type, taxIdLike, (t, raw) => {
        const once = normalizeTaxId(t, raw);
        expect(normalizeTaxId(t, once)).toBe(once);
      }),
    );
  });

  it('validate reports the normalized form and gives the same answer for it', () => {
    fc.assert(
      fc.property(type, taxIdLike, (t, raw) => {
        const result = validateTaxId(t, raw);
        expect(result.normalized).toBe(normalizeTaxId(t, raw));
        expect(validateTaxId(t, result.normalized)).toEqual(result);
        expect(result.valid).toBe(result.reason === undefined);
      }),
    );
  });

  it('separators and case never change the verdict', () => {
    const examples: [TaxIdType, string][] = [
      ['eu_vat', 'RO18547290'],
      ['eu_vat', 'NL004495445B01'],
      ['eu_vat', 'IE6433435OA'],
      ['gb_vat', 'GB980780684'],
      ['ch_vat', 'CHE116281710MWST'],
      ['in_gst', '27AAPFU0939F1ZV'],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...examples),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(' ', '.', '-', '\u00a0')), { maxLength: 5 }),
        fc.boolean(),
        ([t, value], inserts, lower) => {
          let noisy = lower ? value.toLowerCase() : value;
          for (const [at, sep] of inserts) {
            const i = at % (noisy.length + 1);
            noisy = `${noisy.slice(0, i)}${sep}${noisy.slice(i)}`;
          }
          expect(validateTaxId(t, noisy)).toEqual(validateTaxId(t, value));
        },
      ),
    );
  });
});

/**
 * Valid numbers whose algorithm is guaranteed to catch ANY single changed digit: Luhn, ISO 7064,
 * mod 97/89/37/23 and mod 11 schemes whose weights are all non-zero modulo the base and whose
 * check digit is unique. Left out on purpose: PT, RO, EL, CZ, BG, LT (a remainder of 10 and of 0
 * both become check digit 0), NL (two alternative checks), GB (two schemes), LV (the first digit
 * switches to the unchecked person format), JP (weights 1, 2 mod 9 miss 0↔9).
 */
const singleErrorProof: [TaxIdType, string][] = [
  ['eu_vat', 'ATU13585627'],
  ['eu_vat', 'BE0417710407'],
  ['eu_vat', 'CY10259033P'],
  ['eu_vat', 'DE136695976'],
  ['eu_vat', 'DK13585628'],
  ['eu_vat', 'EE100931558'],
  ['eu_vat', 'ESB58378431'],
  ['eu_vat', 'ES12345678Z'],
  ['eu_vat', 'ESX1234567L'],
  ['eu_vat', 'FI20774740'],
  ['eu_vat', 'FR40303265045'],
  ['eu_vat', 'HR33392005961'],
  ['eu_vat', 'HU12892312'],
  ['eu_vat', 'IE6388047V'],
  ['eu_vat', 'IE6433435OA'],
  ['eu_vat', 'IE8Z49289F'],
  ['eu_vat', 'IT00743110157'],
  ['eu_vat', 'LU15027442'],
  ['eu_vat', 'MT11679112'],
  ['eu_vat', 'PL8567346215'],
  ['eu_vat', 'SE556042722001'],
  ['eu_vat', 'SI50223054'],
  ['eu_vat', 'SK2022749619'],
  ['ch_vat', 'CHE116281710'],
  ['ch_vat', 'CHE100155212'],
  ['no_vat', 'NO974760673MVA'],
  ['au_abn', '51824753556'],
  ['ca_bn', '123456782'],
  ['in_gst', '27AAPFU0939F1ZV'],
  ['za_vat', '4101234567'],
];

describe('check digit strength', () => {
  it('every example is valid to begin with', () => {
    for (const [t, value] of singleErrorProof) expect(validateTaxId(t, value).valid).toBe(true);
  });

  it('changing any one digit of a checksum-protected number is detected', () => {
    fc.assert(
      fc.property(fc.constantFrom(...singleErrorProof), fc.nat(), fc.integer({ min: 1, max: 9 }), ([t, value], at, delta) => {
        const positions = [...value].flatMap((c, i) => (/\d/.test(c) ? [i] : []));
        const i = positions[at % positions.length] ?? 0;
        const changed = `${value.slice(0, i)}${(Number(value.charAt(i)) + delta) % 10}${value.slice(i + 1)}`;
        expect(validateTaxId(t, changed).valid).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
