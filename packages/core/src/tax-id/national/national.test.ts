import { describe, expect, it } from 'vitest';
import type { TaxIdType } from '../types.js';
import { validateTaxId } from '../validate.js';

/** Each row: type, input, canonical form, country; the hand computation beside it. */
const valid: [TaxIdType, string, string, string][] = [
  // 9×8+8×7+0×6+7×5+8×4+0×3+6×2 = 207, + check 84 = 291 = 97 × 3 (mod 97 scheme)
  ['gb_vat', 'GB 980 7806 84', 'GB980780684', 'GB'],
  // a branch trader's 3 extra digits are not checked
  ['gb_vat', '980780684001', 'GB980780684001', 'GB'],
  // constructed, mod 9755 scheme: 1×8 = 8, + 34 = 42 (= −55 mod 97) with first three digits 100 ≥ 100
  ['gb_vat', 'GB100000034', 'GB100000034', 'GB'],
  // the same body under mod 97: 8 + 89 = 97
  ['gb_vat', 'GB100000089', 'GB100000089', 'GB'],
  ['gb_vat', 'GBGD001', 'GBGD001', 'GB'], // government department: below 500
  ['gb_vat', 'GB HA500', 'GBHA500', 'GB'], // health authority: 500 and up
  // 1×5+1×4+6×3+2×2+8×7+1×6+7×5+1×4 = 132 ≡ 0 mod 11 → (11 − 0) mod 11 = 0
  ['ch_vat', 'CHE-116.281.710 MWST', 'CHE116281710MWST', 'CH'],
  // 1×5+0+0+1×2+5×7+5×6+2×5+1×4 = 86 ≡ 9 → 11 − 9 = 2
  ['ch_vat', 'CHE-100.155.212', 'CHE100155212', 'CH'],
  // 9×3+7×2+4×7+7×6+6×5+0×4+6×3+7×2+3×1 = 176 = 11 × 16
  ['no_vat', 'NO 974 760 673 MVA', 'NO974760673MVA', 'NO'],
  ['no_vat', '974760673', 'NO974760673MVA', 'NO'],
  ['is_vat', '00621', '00621', 'IS'],
  // (5−1)×10+1×1+8×3+2×5+4×7+7×9+5×11+3×13+5×15+5×17+6×19 = 534 = 89 × 6
  ['au_abn', '51 824 753 556', '51824753556', 'AU'],
  ['nz_gst', '49-098-576', '49098576', 'NZ'],
  // Luhn: 2+(8×2=16→7)+7+(6×2=12→3)+5+(4×2=8)+3+(2×2=4)+1 = 40
  ['ca_bn', '123456782', '123456782', 'CA'],
  ['ca_gst_hst', '123456782 RT 0001', '123456782RT0001', 'CA'],
  ['ca_qst', '1234567890 TQ 0001', '1234567890TQ0001', 'CA'],
  // Luhn mod 36 from the left, factors 1,2,1,2…: 2+14+10+20+25+30+30+0+9+6+9+30+1+(Z 35×2 = 70 → 1+34)
  //     = 221 ≡ 5 mod 36; check 36 − 5 = 31 = V
  ['in_gst', '27AAPFU0939F1ZV', '27AAPFU0939F1ZV', 'IN'],
  ['sg_uen', '197401143C', '197401143C', 'SG'],
  ['sg_uen', 'S16FC0121D', 'S16FC0121D', 'SG'],
  ['sg_gst', 'M2-1234567-X', 'M21234567X', 'SG'],
  ['sg_gst', '197401143C', '197401143C', 'SG'], // most GST registrations are the UEN itself
  // the NTA's own number: from the right 2×1+0×2+0+0+5×1+0+2×1+1×2 = 11; 11 mod 9 = 2; 9 − 2 = 7
  ['jp_cn', '7000012050002', '7000012050002', 'JP'],
  ['kr_brn', '116-82-00276', '1168200276', 'KR'],
  // constructed: from the right 6×2=12→3, 5, 4×2=8, 3, 2×2=4, 1, 0, 1, 4×2=8 → 33; check 7
  ['za_vat', '4101234567', '4101234567', 'ZA'],
  ['mx_rfc', 'MAB-930714-8T4', 'MAB9307148T4', 'MX'],
  ['mx_rfc', 'GODE 561231 GR8', 'GODE561231GR8', 'MX'],
  ['mx_rfc', 'ABC000229AB1', 'ABC000229AB1', 'MX'], // 29 Feb of year 00 (2000 was leap)
  ['mx_rfc', 'ñab930714ab1', 'ÑAB930714AB1', 'MX'],
  ['tr_tin', '4540536920', '4540536920', 'TR'],
  ['us_ein', '91-1144442', '911144442', 'US'],
];

const wrongCheck: [TaxIdType, string, string][] = [
  ['gb_vat', 'GB980780685', '292 ≡ 1 mod 97'],
  ['gb_vat', 'GB010000035', '7 + 35 = 42 is mod 9755, but 010 < 100 was issued under mod 97 only'],
  ['ch_vat', 'CHE116281711', '0 expected'],
  ['no_vat', 'NO974760674MVA', '177 ≡ 1 mod 11'],
  ['au_abn', '51824753557', '534 + 19 = 553 ≡ 19 mod 89'],
  ['ca_bn', '123456789', 'Luhn 40 − 2 + 9 = 47'],
  ['ca_gst_hst', '123456789RT0001', 'the BN fails Luhn'],
  ['in_gst', '27AAPFU0939F1ZW', 'V expected'],
  ['jp_cn', '6000012050002', '7 expected'],
  ['za_vat', '4101234568', 'Luhn 33 + 8 = 41'],
];

const badFormat: [TaxIdType, string][] = [
  ['gb_vat', 'GB98078068'],
  ['gb_vat', 'GBGD500'], // GD runs below 500
  ['gb_vat', 'GBHA499'],
  ['gb_vat', 'XI980780684'], // an XI number is an eu_vat
  ['ch_vat', 'CHE-116.281.710 VAT'],
  ['ch_vat', 'CHE11628171'],
  ['no_vat', 'NO123456785MVA'], // organisation numbers start with 8 or 9
  ['is_vat', '1234'],
  ['au_abn', '10824753556'], // check digits run 11–99
  ['nz_gst', '1234567'],
  ['ca_bn', '12345678'],
  ['ca_gst_hst', '123456782RP0001'],
  ['ca_qst', '1234567890RT0001'],
  ['in_gst', '40AAPFU0939F1ZV'], // no state 40
  ['in_gst', '27AAPFU0939F1Z'],
  ['sg_uen', '1974011C'],
  ['sg_gst', 'X21234567X'],
  ['jp_cn', '0000012050002'],
  ['kr_brn', '11682002'],
  ['za_vat', '5101234567'], // starts with 4
  ['mx_rfc', 'MAB930231XX1'], // 31 February
  ['mx_rfc', 'ABC010229AB1'], // 2001 was not leap
  ['mx_rfc', 'AB9307148T4'],
  ['tr_tin', '454053692'],
  ['us_ein', '00-1234567'],
];

describe('national tax ids', () => {
  it.each(valid)('%s accepts %s', (type, input, normalized, country) => {
    expect(validateTaxId(type, input)).toEqual({ valid: true, normalized, country });
  });

  it.each(wrongCheck)('%s rejects %s: %s', (type, input) => {
    expect(validateTaxId(type, input)).toMatchObject({ valid: false, reason: 'checksum' });
  });

  it.each(badFormat)('%s: %s is a format error', (type, input) => {
    expect(validateTaxId(type, input)).toMatchObject({ valid: false, reason: 'format' });
  });

  it('JP: a sum divisible by 9 gives check digit 9', () => {
    // 000000000009 from the right: 9×1 = 9 ≡ 0 mod 9 → 9 − 0 = 9
    expect(validateTaxId('jp_cn', '9000000000009').valid).toBe(true);
  });
});
