import { describe, expect, it } from 'vitest';
import { validateTaxId } from '../validate.js';
import { euVatPrefixes } from './index.js';

/** Each row: a number, and the hand computation that makes it valid. */
const valid: [string, string][] = [
  // AT: after U, 1 3 5 8 5 6 2 → S = 1 + (3×2=6) + 5 + (8×2=16→7) + 5 + (6×2=12→3) + 2 = 29; (6 − 29) mod 10 = 7
  ['ATU13585627', 'AT'],
  // BE: 04177104 mod 97 = 90 (97 × 43062 = 4177014, 4177104 − 4177014); 97 − 90 = 07
  ['BE0417710407', 'BE'],
  // BG 9 digits: 1×1+7×2+5×3+0×4+7×5+4×6+7×7+5×8 = 178; 178 mod 11 = 2
  ['BG175074752', 'BG'],
  // BG 10 digits (EGN): 7×2+5×4+2×8+3×5+1×10+6×9+9×7+2×3+6×6 = 234; 234 mod 11 = 3; born 1875-03-16 (month 23 = 1800s)
  ['BG7523169263', 'BG'],
  // CY: odd positions 1→0, 2→5, 9→21, 3→7 = 33; even 0+5+0+3 = 8; 41 mod 26 = 15 → P
  ['CY10259033P', 'CY'],
  // CZ legal: 2×8+5×7+1×6+2×5+3×4+8×3+9×2 = 121; (11 − 121 mod 11) mod 11 = 0 → written as 1
  ['CZ25123891', 'CZ'],
  // CZ individual: 10-digit rodné číslo, format only
  ['CZ7103192745', 'CZ'],
  // DE: MOD 11,10 over 1 3 6 6 9 5 9 7: product 10 → 2 → 10 → 1 → 3 → 4 → 7 → 1 → 5; 11 − 5 = 6
  ['DE136695976', 'DE'],
  // DK: 1×2+3×7+5×6+8×5+5×4+6×3+2×2+8×1 = 143 = 11 × 13
  ['DK13585628', 'DK'],
  // EE: 1×3+0×7+0×1+9×3+3×7+1×1+5×3+5×7+8×1 = 110 ≡ 0 mod 10
  ['EE100931558', 'EE'],
  // EL: doubling chain over 0 9 4 2 5 9 2 1 gives 817; 817 × 2 = 1634; 1634 mod 11 = 6 (11 × 148 = 1628)
  ['EL094259216', 'GR'],
  // ES CIF: odd positions 5,3,8,3 doubled 10→1, 6, 16→7, 6 = 20; even 8+7+4 = 19; 39 → (10 − 9) mod 10 = 1
  ['ESB58378431', 'ES'],
  // ES CIF with the control as a letter: 1 → "JABCDEFGHI"[1] = A
  ['ESB5837843A', 'ES'],
  // ES DNI: 12345678 mod 23 = 14 (23 × 536768 = 12345664) → "TRWAGMYFPDXBNJZ…"[14] = Z
  ['ES12345678Z', 'ES'],
  // ES NIE: X → 0; 01234567 mod 23 = 19 (23 × 53676 = 1234548) → L
  ['ESX1234567L', 'ES'],
  // FI: 2×7+0×9+7×10+7×5+4×8+7×4+4×2+0×1 = 187 = 11 × 17
  ['FI20774740', 'FI'],
  // FR: SIREN 303265045 passes Luhn (5+8+0+1+6+4+3+0+3 = 30); 303265045 mod 97 = 74
  //     (97 × 3126443 = 303264971); key = (12 + 3 × 74) mod 97 = 234 mod 97 = 40
  ['FR40303265045', 'FR'],
  // FR new-style key with a letter: format only (SIREN 399859412 passes Luhn)
  ['FRK7399859412', 'FR'],
  // HR: MOD 11,10 over 3339200596: product 10 → 6 → 7 → 9 → 5 → 3 → 6 → 1 → 1 → 9 → 10; 11 − 10 = 1
  ['HR33392005961', 'HR'],
  // HU: 1×9+2×7+8×3+9×1+2×9+3×7+1×3+2×1 = 100 ≡ 0 mod 10
  ['HU12892312', 'HU'],
  // IE classic: 6×8+3×7+8×6+8×5+0×4+4×3+7×2 = 183; 183 mod 23 = 22 → V
  ['IE6388047V', 'IE'],
  // IE 2013: 6×8+4×7+3×6+3×5+4×4+3×3+5×2 = 144, + 9 × (A = 1) = 153; 153 mod 23 = 15 → O
  ['IE6433435OA', 'IE'],
  // IE old style 8D79739I: checked as 0 7 9 7 3 9 8 → 0+49+54+35+12+27+16 = 193; 193 mod 23 = 9 → I
  ['IE8D79739I', 'IE'],
  // IE old style 8Z49289F: 0 4 9 2 8 9 8 → 0+28+54+10+32+27+16 = 167; 167 mod 23 = 6 → F
  ['IE8Z49289F', 'IE'],
  // IT: office 015; Luhn 7+(5×2=10→1)+1+0+1+(1×2=2)+3+(4×2=8)+7+0+0 = 30
  ['IT00743110157', 'IT'],
  // LT 9 digits: 1×1+1×2+9×3+5×4+1×5+1×6+5×7+1×8 = 104; 104 mod 11 = 5
  ['LT119511515', 'LT'],
  // LT 12 digits: 1×1+0+0+0+0+1×6+9×7+1×8+9×9+0×1+1×2 = 161; 161 mod 11 = 7
  ['LT100001919017', 'LT'],
  // LU: 150274 mod 89 = 42 (89 × 1688 = 150232)
  ['LU15027442', 'LU'],
  // LV legal: 4×9+0+0+0+3×3+5×10+2×2+1×5+6×7+0+0 = 146; 146 mod 11 = 3
  ['LV40003521600', 'LV'],
  // LV natural person (first digit ≤ 3): format only
  ['LV16117519997', 'LV'],
  // MT: 1×3+1×4+6×6+7×7+9×8+1×9+1×10+2×1 = 185 = 37 × 5
  ['MT11679112', 'MT'],
  // NL classic: 0×9+0×8+4×7+4×6+9×5+5×4+4×3+4×2 = 137; 137 − 5 = 132 = 11 × 12
  ['NL004495445B01', 'NL'],
  // NL 2020 btw-id: classic fails (122 − 9 = 113 ≡ 3), but "NL002455799B11" → 23210024557991111:
  //     232100245 mod 97 = 3; 35799111 mod 97 = 0 (97 × 369063); "01" mod 97 = 1 ✓
  ['NL002455799B11', 'NL'],
  // PL: 8×6+5×5+6×7+7×2+3×3+4×4+6×5+2×6+1×7 = 203; 203 mod 11 = 5
  ['PL8567346215', 'PL'],
  // PT: 5×9+0×8+1×7+9×6+6×5+4×4+8×3+4×2 = 184; 184 mod 11 = 8; 11 − 8 = 3
  ['PT501964843', 'PT'],
  // RO: 1854729 padded to 001854729: 0+0+1×3+8×2+5×1+4×7+7×5+2×3+9×2 = 111; 1110 mod 11 = 10 → 0
  ['RO18547290', 'RO'],
  // SE: Luhn over 5560427220: 0+(2×2=4)+2+(7×2=14→5)+2+(4×2=8)+0+(6×2=12→3)+5+(5×2=10→1) = 30; then "01"
  ['SE556042722001', 'SE'],
  // SI: 5×8+0×7+2×6+2×5+3×4+0×3+5×2 = 84; 84 mod 11 = 7; 11 − 7 = 4
  ['SI50223054', 'SI'],
  // SK: alternating sum from the right 9−1+6−9+4−7+2−2+0−2 = 0 → divisible by 11; third digit 2
  ['SK2022749619', 'SK'],
  // XI (Northern Ireland), the UK rule: 9×8+8×7+0×6+7×5+8×4+0×3+6×2 = 207, + 84 = 291 = 97 × 3
  ['XI980780684', 'GB'],
];

/** Each row: a number whose check digit differs from the one computed above. */
const wrongCheck: [string, string][] = [
  ['ATU13585628', '7 expected'],
  ['BE0417710408', '07 expected'],
  ['BG175074753', '2 expected'],
  ['BG7523169264', 'EGN 3 expected; PNF 21×7+19×5+17×2+13×3+11×1+9×6+7×9+3×2+1×6 = 455 → 5; other 4×7+3×5+2×2+7×3+6×1+5×6+4×9+3×2+2×6 = 158 ≡ 4 → 11 − 4 = 7'],
  ['CY10259033Q', 'P expected'],
  ['CZ25123890', '1 expected'],
  ['DE136695977', '6 expected'],
  ['DK13585629', 'sum 144 ≢ 0 mod 11'],
  ['EE100931559', 'sum 111 ≢ 0 mod 10'],
  ['EL094259217', '6 expected'],
  ['ESB58378432', '1 or A expected'],
  ['ES12345678A', 'Z expected'],
  ['FI20774741', 'sum 188 ≢ 0 mod 11'],
  ['FR41303265045', '40 expected'],
  ['FR40303265046', 'SIREN Luhn sum 31'],
  ['HR33392005962', '1 expected'],
  ['HU12892313', 'sum 101 ≢ 0 mod 10'],
  ['IE6388047W', 'V expected'],
  ['IE6433435OB', 'with B the sum is 144 + 18 = 162 ≡ 1 → A, not O'],
  ['IT00743110158', 'Luhn sum 31'],
  ['LT119511516', '5 expected'],
  ['LU15027443', '42 expected'],
  ['LV40003521601', 'sum 147 ≡ 4, not 3'],
  ['MT11679113', 'sum 186 ≢ 0 mod 37'],
  ['NL004495446B01', 'classic 137 − 6 = 131 ≡ 10; mod 97 of 23210044954461101 = 49'],
  ['PL8567346216', '5 expected'],
  ['PT501964844', '3 expected'],
  ['RO18547291', '0 expected'],
  ['SE556042722101', 'Luhn over 5560427221 sums to 31'],
  ['SI50223055', '4 expected'],
  ['SK2022749610', '2022749610 = 2022749619 − 9, not divisible by 11'],
  ['XI980780685', 'sum 292 ≡ 1 mod 97'],
];

describe('eu_vat check digits', () => {
  it('covers the 27 member states and XI', () => {
    expect(Object.keys(euVatPrefixes)).toHaveLength(28);
    const tested = new Set(valid.map(([n]) => n.slice(0, 2)));
    expect([...tested].sort()).toEqual(Object.keys(euVatPrefixes).sort());
    expect(new Set(wrongCheck.map(([n]) => n.slice(0, 2)))).toEqual(tested);
  });

  it.each(valid)('accepts %s (%s)', (number, country) => {
    expect(validateTaxId('eu_vat', number)).toEqual({ valid: true, normalized: number, country });
  });

  it.each(wrongCheck)('rejects %s: %s', (number) => {
    expect(validateTaxId('eu_vat', number)).toMatchObject({ valid: false, reason: 'checksum' });
  });
});

describe('eu_vat formats', () => {
  it.each([
    ['DE13669597', 'DE needs 9 digits'],
    ['DE036695976', 'DE never starts with 0'],
    ['ATX13585627', 'AT needs the U'],
    ['BE2417710407', 'BE starts with 0 or 1'],
    ['CY12259033P', 'CY never starts with 12'],
    ['CZ9512389', 'CZ legal entities do not start with 9 (and need 8 digits)'],
    ['EE200931558', 'EE starts with 10'],
    ['ESI58378431', 'I is not an entity letter'],
    ['FRIO334175221', 'FR keys never use I or O'],
    ['IE63880479', 'IE needs a check letter'],
    ['IT00743111107', 'IT office 111 does not exist'],
    ['IT00000000000', 'IT company part all zero'],
    ['LT119511525', 'LT 9-digit numbers have 1 in 8th place'],
    ['NL004495445B00', 'NL suffix 00'],
    ['NL004495445X01', 'NL needs the B'],
    ['RO0123', 'RO never starts with 0'],
    ['RO1', 'RO has at least 2 digits'],
    ['SE556042722002', 'SE ends in 01'],
    ['SK2012749619', 'SK third digit 1'],
  ])('%s is a format error (%s)', (number) => {
    expect(validateTaxId('eu_vat', number)).toMatchObject({ valid: false, reason: 'format' });
  });

  it('names no country for an unknown prefix', () => {
    expect(validateTaxId('eu_vat', 'US123456789')).toEqual({ valid: false, normalized: 'US123456789', country: undefined, reason: 'format' });
    // GB is not an eu_vat prefix since Brexit: gb_vat is its own type
    expect(validateTaxId('eu_vat', 'GB980780684')).toMatchObject({ valid: false, reason: 'format', country: undefined });
  });

  it('BG 10-digit EGN needs a real birth date', () => {
    // 7502310002 would be 1975-02-31; weights give 7×2+5×4+0×8+2×5+3×10+1×9+0+0+0 = 83 ≡ 6 → check 6 is right
    // for EGN but the date is impossible; PNF (21×7+19×5+2×13+3×11+1×9 = 310 → 0) and other
    // (4×7+3×5+2×0+7×2+6×3+5×1 = 80 ≡ 3; 11 − 3 = 8) both want other digits.
    expect(validateTaxId('eu_vat', 'BG7502310006')).toMatchObject({ valid: false, reason: 'checksum' });
  });
});
