import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromIso } from '../time/index.js';
import { createBuiltInTaxCalculator } from './calculator.js';
import type { TaxContext } from './context.js';
import { EU_COUNTRIES, taxRateTable } from './rates/index.js';

const euCountries = [...EU_COUNTRIES];
/** Every place of the table, as a customer location. */
const places = [
  ...new Map(
    taxRateTable.map((e) => [`${e.country}-${e.state ?? ''}`, { country: e.country, state: e.state }]),
  ).values(),
];

const instant = fc.integer({ min: fromIso('2024-01-01'), max: fromIso('2027-01-01') });
const lines = (min: number) =>
  fc.array(fc.record({ amount: fc.integer({ min, max: 1e12 }), inclusive: fc.boolean() }), {
    minLength: 1,
    maxLength: 5,
  });

describe('tax engine invariants', () => {
  it('an EU reverse charge is always 0 on every line, whatever the amounts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...euCountries),
        fc.constantFrom(...euCountries, 'US', 'GB', 'CH'),
        fc.boolean(),
        lines(-1e12),
        instant,
        (customerCountry, sellerCountry, oss, items, atMs) => {
          fc.pre(customerCountry !== sellerCountry);
          const context: TaxContext = {
            seller: { country: sellerCountry, registrations: oss ? [{ country: 'IE', type: 'oss' }] : [] },
            customer: {
              country: customerCountry,
              business: true,
              taxId: { type: 'eu_vat', value: 'X1', valid: true },
            },
          };
          const result = createBuiltInTaxCalculator(context)({
            currency: 'EUR',
            atMs,
            lines: items.map((item, index) => ({ index, ...item })),
          });
          expect(result.reverseCharge).toBe(true);
          for (const line of result.lines) {
            expect(line.taxes).toHaveLength(1);
            expect(line.taxes[0]).toMatchObject({ amount: 0, ratePercent: '0', reverseCharge: true });
          }
        },
      ),
    );
  });

  it('an inclusive line always splits into net + taxes === gross, in every place of the table', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...places),
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.boolean(),
        instant,
        (place, gross, isBusiness, atMs) => {
          // The seller is at home in the customer's place: every tax there is collected.
          const context: TaxContext = {
            seller: { country: place.country, state: place.state, registrations: [] },
            customer: { country: place.country, state: place.state, business: isBusiness },
          };
          const [line] = createBuiltInTaxCalculator(context)({
            currency: 'USD',
            atMs,
            lines: [{ index: 0, amount: gross, inclusive: true }],
          }).lines;
          const taxTotal = line!.taxes.reduce((sum, t) => sum + t.amount, 0);
          for (const t of line!.taxes) {
            expect(Math.sign(t.amount) * Math.sign(gross)).toBeGreaterThanOrEqual(0);
            // every tax without a partial base (all but Texas) is charged on the same net
            if (t.jurisdiction !== 'US-TX') expect(t.taxableAmount + taxTotal).toBe(gross);
          }
          expect(Math.abs(taxTotal)).toBeLessThanOrEqual(Math.abs(gross));
        },
      ),
    );
  });

  it('exclusive tax is never negative for non-negative amounts, and is each tax’s own rounding', () => {
    fc.assert(
      fc.property(fc.constantFrom(...places), lines(0), instant, (place, items, atMs) => {
        const context: TaxContext = {
          seller: { country: place.country, state: place.state, registrations: [] },
          customer: { country: place.country, state: place.state, business: false },
        };
        const result = createBuiltInTaxCalculator(context)({
          currency: 'EUR',
          atMs,
          lines: items.map((item, index) => ({ index, amount: item.amount, inclusive: false })),
        });
        result.lines.forEach((line, i) => {
          for (const t of line.taxes) {
            expect(t.amount).toBeGreaterThanOrEqual(0);
            expect(t.taxableAmount).toBeLessThanOrEqual(items[i]!.amount);
            // |tax − taxable × rate| ≤ ½ minor unit: rounded once, to the nearest
            expect(Math.abs(t.amount - (t.taxableAmount * Number(t.ratePercent)) / 100)).toBeLessThanOrEqual(
              0.5 + 1e-6,
            );
          }
        });
      }),
    );
  });
});
