import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitsMod, iso7064Mod11_10, luhnCheckChar, luhnSum, luhnValid, mod, weightedSum } from './checksums.js';

const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const digitString = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((ds) => ds.join(''));

/** `value` with the digit at `index` replaced by a different one. */
function changeDigit(value: string, index: number, delta: number): string {
  const d = (Number(value.charAt(index)) + delta) % 10;
  return `${value.slice(0, index)}${d}${value.slice(index + 1)}`;
}

describe('luhn', () => {
  it('accepts the classic example and rejects a changed digit', () => {
    // 79927398713: from the right 3 + (1×2=2) + 7 + (8×2=16→7) + 9 + (3×2=6) + 7 + (2×2=4) + 9 + (9×2=18→9) + 7 = 70
    expect(luhnSum('79927398713')).toBe(0);
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398714')).toBe(false); // sum 71
    expect(luhnValid('')).toBe(false);
  });

  it('computes the completing check character', () => {
    // 7992739871 + 3 is the number above
    expect(luhnCheckChar('7992739871')).toBe('3');
    // GSTIN 27AAPFU0939F1Z: the mod-36 sum is 221 ≡ 5, so the check is 36 − 5 = 31 = V (see national tests)
    expect(luhnCheckChar('27AAPFU0939F1Z', BASE36)).toBe('V');
  });

  it('rejects characters outside the alphabet', () => {
    expect(luhnSum('12a4')).toBe(-1);
  });

  it('property: appending the check digit makes any body valid, and any single changed digit is caught', () => {
    fc.assert(
      fc.property(digitString(1, 20), fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const full = `${body}${luhnCheckChar(body)}`;
        expect(luhnValid(full)).toBe(true);
        expect(luhnValid(changeDigit(full, at % full.length, delta))).toBe(false);
      }),
    );
  });

  it('property: Luhn mod 36 catches any single changed character', () => {
    const char = fc.integer({ min: 0, max: 35 }).map((i) => BASE36.charAt(i));
    fc.assert(
      fc.property(fc.array(char, { minLength: 1, maxLength: 16 }), fc.nat(), fc.integer({ min: 1, max: 35 }), (chars, at, delta) => {
        const body = chars.join('');
        const full = `${body}${luhnCheckChar(body, BASE36)}`;
        const i = at % full.length;
        const changed = BASE36.charAt((BASE36.indexOf(full.charAt(i)) + delta) % 36);
        expect(luhnValid(full, BASE36)).toBe(true);
        expect(luhnValid(`${full.slice(0, i)}${changed}${full.slice(i + 1)}`, BASE36)).toBe(false);
      }),
    );
  });
});

describe('iso7064Mod11_10', () => {
  it('gives the check digit of the German example', () => {
    // 13669597: products 10→2→10→1→3→4→7→1→5, check 11 − 5 = 6 (worked in eu/index.test.ts)
    expect(iso7064Mod11_10('13669597')).toBe(6);
  });

  it('property: a changed digit changes the check digit', () => {
    fc.assert(
      fc.property(digitString(1, 12), fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        expect(iso7064Mod11_10(changeDigit(body, at % body.length, delta))).not.toBe(iso7064Mod11_10(body));
      }),
    );
  });
});

describe('arithmetic helpers', () => {
  it('weighs digits and folds long numbers', () => {
    expect(weightedSum('123', [3, 2, 1])).toBe(10); // 1×3 + 2×2 + 3×1
    expect(weightedSum('12', [1, 1, 1])).toBe(3); // a missing position counts 0
    expect(digitsMod('232100009999811', 97)).toBe(Number(232100009999811n % 97n));
    expect(mod(-23, 10)).toBe(7); // −23 = −3×10 + 7
  });

  it('property: digitsMod agrees with BigInt on long strings', () => {
    fc.assert(
      fc.property(digitString(1, 40), fc.integer({ min: 2, max: 1000 }), (digits, m) => {
        expect(digitsMod(digits, m)).toBe(Number(BigInt(digits) % BigInt(m)));
      }),
    );
  });
});
