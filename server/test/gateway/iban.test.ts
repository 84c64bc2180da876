import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_IBANS, ibanValid } from '../../src/gateway/index.js';
import { ibanBankCode, normalizeIban } from '../../src/gateway/iban.js';

describe('ibanValid', () => {
  it('accepts the test IBANs and a known example, rejects a wrong check digit', () => {
    for (const iban of Object.keys(TEST_IBANS)) expect(ibanValid(iban), iban).toBe(true);
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    // DE88… instead of DE89…: the check digits no longer make the mod-97 remainder 1.
    expect(ibanValid('DE88370400440532013000')).toBe(false);
    expect(ibanValid('DE89 3704 0044 0532 0130 00')).toBe(false);
    expect(ibanValid('')).toBe(false);
  });

  it('normalizes spaces and case; reads the German bank code', () => {
    expect(normalizeIban(' de89 3704 0044 0532 0130 00 ')).toBe('DE89370400440532013000');
    expect(ibanBankCode('DE89370400440532013000')).toBe('37040044');
  });

  it('detects every single-digit change of a valid IBAN', () => {
    const iban = 'DE89370400440532013000';
    fc.assert(
      fc.property(fc.integer({ min: 2, max: iban.length - 1 }), fc.integer({ min: 1, max: 9 }), (i, delta) => {
        const changed = iban.slice(0, i) + ((Number(iban[i]) + delta) % 10) + iban.slice(i + 1);
        expect(ibanValid(changed)).toBe(false);
      }),
    );
  });
});
