import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Price, PricingModel, TaxBehavior } from '../catalog/index.js';
import { priceInCurrency, type ExchangeRateTable, type MultiCurrencyPrice } from '../currency/index.js';
import { buildInvoice, type InvoiceLineDraft } from '../invoice/index.js';
import { priceAmount } from '../pricing/index.js';
import { createBuiltInTaxCalculator, resolveTaxBehavior, type TaxContext, type TaxSeller } from '../tax/index.js';
import { resolvePrices } from './resolve.js';
import type { ResolvePricesInput } from './types.js';

const atMs = Date.UTC(2025, 8, 15); // after Romania's 21 % VAT (2025-08-01)
const monthly = { interval: { unit: 'month', count: 1 }, usageType: 'licensed' } as const;

function price(id: string, currency: Price['currency'], model: PricingModel, taxBehavior: TaxBehavior, extra: Partial<MultiCurrencyPrice> = {}): MultiCurrencyPrice {
  return { id, productId: 'prod_pro', currency, model, recurring: monthly, taxBehavior, ...extra };
}

const deSeller: TaxSeller = {
  country: 'DE',
  registrations: [{ country: 'DE', type: 'oss', taxId: 'DE123456789' }],
};
const roSeller: TaxSeller = { country: 'RO', registrations: [{ country: 'RO', taxId: 'RO12345678' }] };

describe('resolvePrices', () => {
  it('shows a Romanian consumer RON from the currency options, TVA 21 % excluded or included', () => {
    const excl = price('price_excl', 'EUR', { type: 'flat', amount: 2900 }, 'exclusive', {
      currencyOptions: { RON: { model: { type: 'flat', amount: 11900 } } },
    });
    const incl = price('price_incl', 'EUR', { type: 'flat', amount: 2900 }, 'inclusive', {
      currencyOptions: { RON: { model: { type: 'flat', amount: 14399 } } },
    });
    const result = resolvePrices({ prices: [excl, incl], country: 'RO', business: false, atMs, seller: roSeller });
    expect(result.currency).toBe('RON');
    const [e, i] = result.prices;
    expect(e).toMatchObject({
      currency: 'RON', converted: false, unitAmount: 11900,
      netAmount: 11900, taxAmount: 2499, grossAmount: 14399, // 11900 × 21 % = 2499
      taxInclusive: false, displayAmount: 11900, taxNote: 'excl', reverseCharge: false,
    });
    expect(e!.taxes).toMatchObject([{ label: 'TVA 21%', ratePercent: '21', amount: 2499, jurisdiction: 'RO' }]);
    expect(i).toMatchObject({
      netAmount: 11900, taxAmount: 2499, grossAmount: 14399, // 14399 × 100 ÷ 121 = 11900 exactly
      taxInclusive: true, displayAmount: 14399, taxNote: 'incl',
    });
    expect(i!.taxes[0]!.label).toBe('TVA 21%');
  });

  it('keeps the customer preferred currency when offered', () => {
    const p = price('price_p', 'EUR', { type: 'flat', amount: 2900 }, 'exclusive', {
      currencyOptions: { RON: { model: { type: 'flat', amount: 11900 } } },
    });
    const result = resolvePrices({ prices: [p], country: 'RO', currency: 'EUR', business: false, atMs, seller: roSeller });
    expect(result.currency).toBe('EUR');
    expect(result.prices[0]).toMatchObject({ netAmount: 2900, taxAmount: 609, grossAmount: 3509 }); // 2900 × 21 % = 609
  });

  it('taxes a German business with a valid VAT number domestically when the seller is German', () => {
    const p = price('price_seat', 'EUR', { type: 'per_unit', unitAmount: 1200 }, 'exclusive');
    const result = resolvePrices({
      prices: [p], country: 'DE', business: true, taxId: { type: 'eu_vat', value: 'DE811907980', valid: true },
      atMs, seller: deSeller, quantity: { price_seat: 5 },
    });
    expect(result.prices[0]).toMatchObject({
      quantity: 5, unitAmount: 1200,
      netAmount: 6000, taxAmount: 1140, grossAmount: 7140, // 5 × 1200 = 6000; × 19 % = 1140
      taxNote: 'excl', reverseCharge: false,
    });
    expect(result.prices[0]!.taxes[0]!.label).toMatch(/19/);
  });

  it('reverse-charges a French business with a valid VAT number buying from a German seller', () => {
    const p = price('price_pro', 'EUR', { type: 'flat', amount: 2900 }, 'exclusive');
    const result = resolvePrices({
      prices: [p], country: 'FR', business: true, taxId: { type: 'eu_vat', value: 'FR40303265045', valid: true },
      atMs, seller: deSeller,
    });
    const [r] = result.prices;
    expect(r).toMatchObject({ netAmount: 2900, taxAmount: 0, grossAmount: 2900, displayAmount: 2900, taxNote: 'reverse_charge', reverseCharge: true });
    expect(r!.notes.join(' ')).toMatch(/Reverse charge/);
  });

  it('shows GST and QST in Québec, converting a USD price with the rates', () => {
    const rates: ExchangeRateTable = { base: 'USD', rates: { CAD: '1.37' }, asOfMs: atMs, source: 'test' };
    const p = price('price_pro', 'USD', { type: 'flat', amount: 2900 }, 'exclusive');
    const seller: TaxSeller = { country: 'CA', registrations: [{ country: 'CA' }, { country: 'CA', state: 'QC' }] };
    const result = resolvePrices({ prices: [p], country: 'CA', state: 'QC', business: false, atMs, seller, rates });
    expect(result.currency).toBe('CAD');
    const [r] = result.prices;
    expect(r).toMatchObject({ currency: 'CAD', converted: true, unitAmount: 3973 }); // 2900 × 1.37 = 3973
    expect(r!.taxes.map((t) => [t.type, t.amount])).toEqual([
      ['gst', 199], // 3973 × 5 % = 198.65 → 199
      ['qst', 396], // 3973 × 9.975 % = 396.31 → 396
    ]);
    expect(r).toMatchObject({ netAmount: 3973, taxAmount: 595, grossAmount: 4568 }); // 3973 + 199 + 396
  });

  it('charges no tax to a US customer in a state that does not tax SaaS', () => {
    const p = price('price_pro', 'USD', { type: 'flat', amount: 2900 }, 'exclusive');
    const seller: TaxSeller = { country: 'US', state: 'CA', registrations: [{ country: 'US', state: 'CA' }, { country: 'US', state: 'NY' }] };
    const result = resolvePrices({ prices: [p], country: 'US', state: 'CA', business: false, atMs, seller });
    expect(result.prices[0]).toMatchObject({ netAmount: 2900, taxAmount: 0, grossAmount: 2900, taxes: [], taxNote: 'none' });
    const ny = resolvePrices({ prices: [p], country: 'US', state: 'NY', business: false, atMs, seller });
    expect(ny.prices[0]!.taxAmount).toBe(116); // 2900 × 4 % (NY state rate) = 116
  });

  it('shows tiers with their breakdown and the interval', () => {
    const p = price('price_api', 'EUR', {
      type: 'graduated',
      tiers: [{ upTo: 1000, unitAmount: 0, flatAmount: 2900 }, { upTo: null, unitAmountDecimal: '0.2' }],
    }, 'exclusive');
    const result = resolvePrices({ prices: [p], country: 'DE', business: false, atMs, seller: deSeller, quantity: { price_api: 3500 } });
    const [r] = result.prices;
    expect(r!.unitAmount).toBeUndefined();
    expect(r!.interval).toEqual({ unit: 'month', count: 1 });
    expect(r!.breakdown.map((part) => part.amountDecimal)).toEqual(['2900', '500']); // 2500 × 0.2 = 500
    expect(r).toMatchObject({ netAmount: 3400, taxAmount: 646 }); // 3400 × 19 % = 646
  });

  it('falls back to the first price currency and refuses an empty screen without a fallback', () => {
    const p = price('price_pro', 'EUR', { type: 'flat', amount: 2900 }, 'exclusive');
    expect(resolvePrices({ prices: [p], country: 'JP', business: false, atMs, seller: deSeller }).currency).toBe('EUR');
    expect(() => resolvePrices({ prices: [], country: 'JP', business: false, atMs, seller: deSeller })).toThrow(
      expect.objectContaining({ param: 'prices' }),
    );
    expect(resolvePrices({ prices: [], country: 'JP', business: false, atMs, seller: deSeller, fallbackCurrency: 'USD' })).toEqual({
      currency: 'USD', country: 'JP', prices: [],
    });
  });
});

/* ---------- the whole point: the screen agrees with the invoice ---------- */

const rates: ExchangeRateTable = {
  base: 'EUR',
  rates: { USD: '1.085', GBP: '0.8432', CAD: '1.4871', JPY: '162.5', RON: '4.9765', CHF: '0.9361' },
  asOfMs: atMs,
  source: 'test',
};

const propertySeller: TaxSeller = {
  country: 'DE',
  registrations: [
    { country: 'DE', type: 'oss', taxId: 'DE123456789' },
    { country: 'GB' },
    { country: 'CA' },
    { country: 'CA', state: 'QC' },
    { country: 'US', state: 'NY' },
    { country: 'US', state: 'TX' },
  ],
  pricesIncludeTaxIn: ['DE', 'FR', 'GB'],
};

const customers = fc.constantFrom<Pick<ResolvePricesInput, 'country' | 'state' | 'business' | 'taxId'>>(
  { country: 'RO', business: false },
  { country: 'DE', business: false },
  { country: 'DE', business: true, taxId: { type: 'eu_vat', value: 'DE811907980', valid: true } },
  { country: 'FR', business: true, taxId: { type: 'eu_vat', value: 'FR40303265045', valid: true } },
  { country: 'FR', business: true, taxId: { type: 'eu_vat', value: 'FR00000000000', valid: false } },
  { country: 'GB', business: false },
  { country: 'CA', state: 'QC', business: false },
  { country: 'CA', state: 'ON', business: true },
  { country: 'US', state: 'NY', business: false },
  { country: 'US', state: 'TX', business: true },
  { country: 'US', state: 'CA', business: false },
  { country: 'JP', business: false },
  { country: 'CH', business: false },
);

const amount = fc.integer({ min: 0, max: 1_000_000 });
const rate = fc.integer({ min: 0, max: 100_000 }).map((n) => (n / 1000).toString());
const tiers = fc
  .array(fc.record({ width: fc.integer({ min: 1, max: 500 }), unit: amount, flat: fc.option(amount, { nil: undefined }) }), { minLength: 1, maxLength: 4 })
  .map((rows) => {
    let upTo = 0;
    return rows.map((row, i) => {
      upTo += row.width;
      return { upTo: i === rows.length - 1 ? null : upTo, unitAmount: row.unit, ...(row.flat !== undefined && { flatAmount: row.flat }) };
    });
  });
const models: fc.Arbitrary<PricingModel> = fc.oneof(
  amount.map((a) => ({ type: 'flat' as const, amount: a })),
  amount.map((a) => ({ type: 'per_unit' as const, unitAmount: a })),
  rate.map((r) => ({ type: 'per_unit' as const, unitAmountDecimal: r })),
  fc.record({ packageAmount: amount, packageSize: fc.integer({ min: 1, max: 100 }), rounding: fc.constantFrom('up' as const, 'down' as const) }).map((m) => ({ type: 'package' as const, ...m })),
  tiers.map((t) => ({ type: 'graduated' as const, tiers: t })),
  tiers.map((t) => ({ type: 'volume' as const, tiers: t })),
);
const prices = fc.array(
  fc.record({
    currency: fc.constantFrom('EUR' as const, 'USD' as const),
    model: models,
    taxBehavior: fc.constantFrom<TaxBehavior>('inclusive', 'exclusive', 'unspecified'),
    minimum: fc.option(amount, { nil: undefined }),
    quantity: fc.integer({ min: 0, max: 2000 }),
    usdOption: fc.option(models, { nil: undefined }),
  }),
  { minLength: 1, maxLength: 4 },
);

describe('resolvePrices agrees with the invoice', () => {
  it('charges on the invoice, line by line and in total, exactly what the cards show', () => {
    fc.assert(
      fc.property(prices, customers, fc.option(fc.constantFrom('EUR' as const, 'USD' as const, 'JPY' as const), { nil: undefined }), fc.constantFrom('exact' as const, 'charm' as const), (items, customer, preferred, rounding) => {
        const catalog: MultiCurrencyPrice[] = items.map((item, i) => ({
          id: `price_${i}`, productId: `prod_${i}`, currency: item.currency, model: item.model, recurring: monthly, taxBehavior: item.taxBehavior,
          ...(item.minimum !== undefined && { minimumAmount: item.minimum }),
          ...(item.usdOption !== undefined && { currencyOptions: { USD: { model: item.usdOption } } }),
        }));
        const quantity = Object.fromEntries(items.map((item, i) => [`price_${i}`, item.quantity]));
        const input: ResolvePricesInput = { prices: catalog, ...customer, atMs, seller: propertySeller, rates, rounding, quantity };
        if (preferred !== undefined) input.currency = preferred;
        const screen = resolvePrices(input);

        // The invoice the customer would get for all these items together, built independently.
        const context: TaxContext = { seller: propertySeller, customer: { ...customer } };
        const lines: InvoiceLineDraft[] = catalog.map((p, i) => {
          const charged = priceInCurrency(p, screen.currency, rates, rounding);
          return {
            kind: 'subscription', description: p.id, amount: priceAmount(charged, items[i]!.quantity), quantity: items[i]!.quantity,
            priceId: p.id, productId: p.productId, taxBehavior: resolveTaxBehavior(p.taxBehavior, context),
          };
        });
        const invoice = buildInvoice({ currency: screen.currency, lines, atMs }, createBuiltInTaxCalculator(context));

        screen.prices.forEach((card, i) => {
          const line = invoice.lines[i]!;
          expect(card.currency).toBe(invoice.currency);
          expect(card.netAmount).toBe(line.netAmount);
          expect(card.taxAmount).toBe(line.taxes.reduce((s, t) => s + t.amount, 0));
          expect(card.taxes).toEqual(line.taxes);
          expect(card.grossAmount).toBe(line.totalAmount);
          expect(card.displayAmount).toBe(card.taxInclusive ? line.totalAmount : line.netAmount);
          expect(card.reverseCharge).toBe(invoice.reverseCharge);
        });
        expect(screen.prices.reduce((s, c) => s + c.grossAmount, 0)).toBe(invoice.total);
        expect(screen.prices.reduce((s, c) => s + c.netAmount, 0)).toBe(invoice.totalExcludingTax);
      }),
      { numRuns: 300 },
    );
  });
});
