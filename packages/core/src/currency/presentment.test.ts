import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyCodes, type CurrencyCode } from '../money/index.js';
import { BULGARIA_EURO_CHANGEOVER_MS, countryCodes, countryCurrency } from './countries.js';
import { presentmentCurrency } from './presentment.js';

const at2025 = Date.UTC(2025, 5, 1);
const at2026 = Date.UTC(2026, 1, 1);

describe('countryCurrency', () => {
  it('maps countries to their currency', () => {
    const cases: [string, CurrencyCode][] = [
      ['RO', 'RON'], ['GB', 'GBP'], ['US', 'USD'], ['CH', 'CHF'], ['JP', 'JPY'], ['DE', 'EUR'], ['FR', 'EUR'],
      ['HR', 'EUR'], ['CA', 'CAD'], ['KW', 'KWD'], ['LI', 'CHF'], ['PR', 'USD'], ['CW', 'XCG'], ['SN', 'XOF'],
      ['MC', 'EUR'], ['ME', 'EUR'], ['ro', 'RON'],
    ];
    for (const [country, currency] of cases) expect(countryCurrency(country, at2025), country).toBe(currency);
  });

  it('switches Bulgaria to the euro at midnight in Sofia on 2026-01-01', () => {
    expect(BULGARIA_EURO_CHANGEOVER_MS).toBe(Date.parse('2025-12-31T22:00:00Z')); // 00:00 EET = 22:00 UTC
    expect(countryCurrency('BG', BULGARIA_EURO_CHANGEOVER_MS - 1)).toBe('BGN');
    expect(countryCurrency('BG', BULGARIA_EURO_CHANGEOVER_MS)).toBe('EUR');
  });

  it('knows no currency for Antarctica or unassigned codes, and rejects malformed ones', () => {
    expect(countryCurrency('AQ', at2025)).toBeUndefined();
    expect(countryCurrency('QQ', at2025)).toBeUndefined();
    expect(() => countryCurrency('ROU', at2025)).toThrow(expect.objectContaining({ param: 'country' }));
  });

  it('covers every ISO 3166-1 country but Antarctica, plus Kosovo, with active currencies', () => {
    expect(countryCodes.length).toBe(249); // 249 ISO codes − AQ + XK
    for (const c of countryCodes) expect(currencyCodes).toContain(countryCurrency(c, at2026));
  });
});

describe('presentmentCurrency', () => {
  it('prefers the customer choice, then the country, then the fallback', () => {
    expect(presentmentCurrency('RO', ['EUR', 'RON'], undefined, 'EUR', at2025)).toBe('RON');
    expect(presentmentCurrency('RO', ['EUR', 'RON'], 'EUR', 'USD', at2025)).toBe('EUR');
    expect(presentmentCurrency('RO', ['EUR', 'USD'], 'GBP', 'USD', at2025)).toBe('USD'); // neither GBP nor RON offered
    expect(presentmentCurrency('JP', ['USD', 'JPY'], undefined, 'USD', at2025)).toBe('JPY');
    expect(presentmentCurrency('BG', ['EUR', 'BGN'], undefined, 'USD', at2025)).toBe('BGN');
    expect(presentmentCurrency('BG', ['EUR', 'BGN'], undefined, 'USD', at2026)).toBe('EUR');
    expect(presentmentCurrency('AQ', ['EUR'], undefined, 'USD', at2025)).toBe('USD');
  });

  it('always answers the preferred, the local or the fallback currency', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...countryCodes),
        fc.subarray([...currencyCodes]),
        fc.option(fc.constantFrom(...currencyCodes), { nil: undefined }),
        fc.constantFrom(...currencyCodes),
        (country, available, preferred, fallback) => {
          const chosen = presentmentCurrency(country, available, preferred, fallback, at2025);
          if (preferred !== undefined && available.includes(preferred)) expect(chosen).toBe(preferred);
          else if (available.includes(countryCurrency(country, at2025)!)) expect(chosen).toBe(countryCurrency(country, at2025));
          else expect(chosen).toBe(fallback);
        },
      ),
    );
  });
});
