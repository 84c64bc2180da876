import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_CARDS, detectBrand, luhnValid } from '../../src/gateway/index.js';
import { validLengths } from '../../src/gateway/cards.js';

/** The Luhn check digit that completes `body`. */
function checkDigit(body: string): string {
  for (let d = 0; d <= 9; d += 1) if (luhnValid(body + d)) return String(d);
  throw new Error('unreachable');
}

describe('luhnValid', () => {
  it('accepts and rejects literal numbers', () => {
    expect(luhnValid('4242424242424242')).toBe(true);
    // 79927398713 is the textbook example: 7+9+9+4+7+6+9+7+7+2+3 = 70, 70 % 10 = 0.
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('4242424242424241')).toBe(false);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('4242 4242')).toBe(false);
  });

  it('exactly one check digit completes any body', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,18}$/), (body) => {
        const valid = [...'0123456789'].filter((d) => luhnValid(body + d));
        expect(valid).toHaveLength(1);
      }),
    );
  });

  it('detects every single-digit change', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{12,18}$/),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (body, position, delta) => {
          const number = body + checkDigit(body);
          const i = position % number.length;
          const changed = number.slice(0, i) + ((Number(number[i]) + delta) % 10) + number.slice(i + 1);
          expect(luhnValid(changed)).toBe(false);
        },
      ),
    );
  });
});

describe('detectBrand', () => {
  it('reads the network from the prefix', () => {
    expect(detectBrand('4242424242424242')).toBe('visa');
    expect(detectBrand('5555555555554444')).toBe('mastercard');
    expect(detectBrand('2221000000000009')).toBe('mastercard');
    expect(detectBrand('2720990000000000')).toBe('mastercard');
    expect(detectBrand('2721000000000000')).toBe('unknown');
    expect(detectBrand('378282246310005')).toBe('amex');
    expect(detectBrand('6011111111111117')).toBe('discover');
    expect(detectBrand('3566002020360505')).toBe('jcb');
    expect(detectBrand('6200000000000005')).toBe('unionpay');
    expect(detectBrand('9999999999999995')).toBe('unknown');
  });
});

describe('TEST_CARDS', () => {
  it('are all Luhn-valid, of a valid length, and of the brand their prefix says', () => {
    for (const [number, card] of Object.entries(TEST_CARDS)) {
      expect(luhnValid(number), number).toBe(true);
      expect(validLengths(card.brand), number).toContain(number.length);
      expect(detectBrand(number), number).toBe(card.brand);
    }
  });
});
