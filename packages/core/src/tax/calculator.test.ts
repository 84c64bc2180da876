import { describe, expect, it } from 'vitest';
import type { CurrencyCode } from '../money/index.js';
import { fromIso } from '../time/index.js';
import { createBuiltInTaxCalculator } from './calculator.js';
import type { SellerRegistration, TaxContext, TaxCustomer } from './context.js';
import { EU_REVERSE_CHARGE_NOTE, EXEMPT_NOTE, REVERSE_CHARGE_NOTE } from './plan.js';
import type { TaxableLine } from './types.js';

const NOW = fromIso('2025-09-01T12:00:00Z');

function seller(
  country: string,
  registrations: SellerRegistration[] = [],
  state?: string,
): TaxContext['seller'] {
  return { country, state, registrations };
}
const consumer = (country: string, state?: string): TaxCustomer => ({ country, state, business: false });
const business = (country: string, vat?: string, valid = true): TaxCustomer => ({
  country,
  business: true,
  taxId: vat === undefined ? undefined : { type: 'eu_vat', value: vat, valid },
});

/** Taxes one line and returns the result plus the line's taxes. */
function tax(
  context: TaxContext,
  amount: number,
  { inclusive = false, atMs = NOW, currency = 'EUR' as CurrencyCode } = {},
) {
  const result = createBuiltInTaxCalculator(context)({
    currency,
    atMs,
    lines: [{ index: 0, amount, inclusive }],
  });
  const taxes = result.lines[0]!.taxes;
  return { result, taxes, amounts: taxes.map((t) => t.amount), labels: taxes.map((t) => t.label) };
}

describe('EU VAT, consumers', () => {
  const de = { seller: seller('DE'), customer: consumer('DE') };

  it('DE → DE consumer, €100.00 exclusive: USt. 19%', () => {
    const { taxes } = tax(de, 10_000);
    // 10000 × 19% = 1900
    expect(taxes).toEqual([
      {
        amount: 1900,
        taxableAmount: 10_000,
        ratePercent: '19',
        type: 'vat',
        label: 'USt. 19%',
        jurisdiction: 'DE',
        inclusive: false,
      },
    ]);
  });

  it('DE → DE consumer, €100.00 inclusive: net 84.03 + VAT 15.97', () => {
    const { taxes } = tax(de, 10_000, { inclusive: true });
    // net = round(10000 × 100 / 119) = round(8403.36) = 8403; tax = 10000 − 8403 = 1597
    expect(taxes[0]).toMatchObject({ amount: 1597, taxableAmount: 8403, inclusive: true });
  });

  it('DE seller with OSS → FR consumer: TVA 20 % owed in France', () => {
    const ctx = { seller: seller('DE', [{ country: 'DE', type: 'oss' }]), customer: consumer('FR') };
    const { taxes, result } = tax(ctx, 10_000);
    // 10000 × 20% = 2000
    expect(taxes[0]).toMatchObject({ amount: 2000, label: 'TVA 20 %', jurisdiction: 'FR' });
    expect(result.treatment).toBe('taxed');
  });

  it('DE seller with OSS → FR consumer, €120.00 inclusive: €100.00 + €20.00', () => {
    const ctx = { seller: seller('DE', [{ country: 'DE', type: 'oss' }]), customer: consumer('FR') };
    // net = 12000 × 100 / 120 = 10000; tax = 2000
    expect(tax(ctx, 12_000, { inclusive: true }).taxes[0]).toMatchObject({
      amount: 2000,
      taxableAmount: 10_000,
    });
  });

  it('Romania: TVA 21% from 2025-08-01, 19% before', () => {
    const ro = { seller: seller('RO'), customer: consumer('RO') };
    // 10000 × 21% = 2100
    expect(tax(ro, 10_000, { atMs: fromIso('2025-08-01T09:00:00Z') }).taxes[0]).toMatchObject({
      amount: 2100,
      label: 'TVA 21%',
    });
    // 10000 × 19% = 1900
    expect(tax(ro, 10_000, { atMs: fromIso('2025-07-15T09:00:00Z') }).taxes[0]).toMatchObject({
      amount: 1900,
      label: 'TVA 19%',
    });
  });

  it('Romania: a RON 119.00 inclusive price before and after the change', () => {
    const ro = { seller: seller('RO'), customer: consumer('RO') };
    // before: net = round(11900 / 1.19) = 10000, tax 1900
    expect(tax(ro, 11_900, { inclusive: true, atMs: fromIso('2025-07-01') }).amounts).toEqual([1900]);
    // after: net = round(11900 / 1.21) = round(9834.71) = 9835, tax = 11900 − 9835 = 2065
    expect(tax(ro, 11_900, { inclusive: true, atMs: fromIso('2025-09-01') }).amounts).toEqual([2065]);
  });

  it('Estonia: KM 24% after 2025-07-01, 22% before', () => {
    const ee = { seller: seller('EE'), customer: consumer('EE') };
    // 9999 × 24% = 2399.76 → 2400
    expect(tax(ee, 9999, { atMs: fromIso('2025-07-01T12:00:00Z') }).amounts).toEqual([2400]);
    // 9999 × 22% = 2199.78 → 2200
    expect(tax(ee, 9999, { atMs: fromIso('2025-06-15T12:00:00Z') }).amounts).toEqual([2200]);
  });

  it('Finland: ALV 25,5 % on €10.00 exclusive and €125.50 inclusive', () => {
    const fi = { seller: seller('FI'), customer: consumer('FI') };
    // 1000 × 25.5% = 255
    expect(tax(fi, 1000).taxes[0]).toMatchObject({ amount: 255, label: 'ALV 25,5 %' });
    // net = 12550 / 1.255 = 10000; tax 2550
    expect(tax(fi, 12_550, { inclusive: true }).taxes[0]).toMatchObject({
      amount: 2550,
      taxableAmount: 10_000,
    });
    // before 2024-09-01: 1000 × 24% = 240
    expect(tax(fi, 1000, { atMs: fromIso('2024-08-15') }).amounts).toEqual([240]);
  });

  it('Slovakia: DPH 23% in 2025, 20% in 2024', () => {
    const sk = { seller: seller('SK'), customer: consumer('SK') };
    // 4999 × 23% = 1149.77 → 1150
    expect(tax(sk, 4999, { atMs: fromIso('2025-01-15') }).amounts).toEqual([1150]);
    // 4999 × 20% = 999.8 → 1000
    expect(tax(sk, 4999, { atMs: fromIso('2024-06-15') }).amounts).toEqual([1000]);
  });

  it('Italy: IVA 22% on €49.99', () => {
    // 4999 × 22% = 1099.78 → 1100
    expect(tax({ seller: seller('IT'), customer: consumer('IT') }, 4999).taxes[0]).toMatchObject({
      amount: 1100,
      label: 'IVA 22%',
    });
  });

  it('Netherlands: BTW 21% inside €9.99', () => {
    // net = round(999 / 1.21) = round(825.62) = 826; tax = 999 − 826 = 173
    expect(
      tax({ seller: seller('NL'), customer: consumer('NL') }, 999, { inclusive: true }).taxes[0],
    ).toMatchObject({
      amount: 173,
      taxableAmount: 826,
      label: 'BTW 21%',
    });
  });

  it('an EU seller without OSS charges its own VAT to consumers elsewhere in the EU (Art. 59c threshold)', () => {
    const { taxes } = tax({ seller: seller('DE'), customer: consumer('ES') }, 10_000);
    // origin: 10000 × 19% = 1900, owed in Germany
    expect(taxes[0]).toMatchObject({ amount: 1900, label: 'USt. 19%', jurisdiction: 'DE' });
  });

  it('an EU seller registered in the destination charges the destination VAT', () => {
    const ctx = { seller: seller('DE', [{ country: 'ES' }]), customer: consumer('ES') };
    // 10000 × 21% = 2100
    expect(tax(ctx, 10_000).taxes[0]).toMatchObject({ amount: 2100, label: 'IVA 21%', jurisdiction: 'ES' });
  });

  it('a non-EU seller with non-Union OSS (in IE) charges Polish VAT to a Polish consumer', () => {
    const ctx = { seller: seller('US', [{ country: 'IE', type: 'oss' }]), customer: consumer('PL') };
    // 2500 × 23% = 575
    expect(tax(ctx, 2500).taxes[0]).toMatchObject({ amount: 575, label: 'VAT 23%', jurisdiction: 'PL' });
  });

  it('a non-EU seller with no EU registration collects nothing from EU consumers', () => {
    const { taxes, result } = tax(
      { seller: seller('US', [{ country: 'US', state: 'NY' }]), customer: consumer('FR') },
      10_000,
    );
    expect(taxes).toEqual([]);
    expect(result.treatment).toBe('not_collected');
  });
});

describe('EU VAT, businesses', () => {
  const deSeller = seller('DE', [{ country: 'DE', type: 'oss', taxId: 'DE123456789' }]);

  it('DE seller → FR business with a valid VAT number: reverse charge, 0%, both numbers noted', () => {
    const { taxes, result } = tax({ seller: deSeller, customer: business('FR', 'FR12345678901') }, 10_000);
    expect(taxes).toEqual([
      {
        amount: 0,
        taxableAmount: 10_000,
        ratePercent: '0',
        type: 'vat',
        label: 'VAT 0% (reverse charge)',
        jurisdiction: 'FR',
        inclusive: false,
        reverseCharge: true,
      },
    ]);
    expect(result.reverseCharge).toBe(true);
    expect(result.treatment).toBe('reverse_charge');
    expect(result.notes).toEqual([
      'Reverse charge – Article 196 of Council Directive 2006/112/EC',
      'Supplier VAT number: DE123456789',
      'Customer VAT number: FR12345678901',
    ]);
  });

  it('reverse charge on an inclusive line keeps the whole amount as net', () => {
    // no VAT is contained: taxable = gross = 10000, tax 0
    expect(
      tax({ seller: deSeller, customer: business('FR', 'FR12345678901') }, 10_000, { inclusive: true })
        .taxes[0],
    ).toMatchObject({
      amount: 0,
      taxableAmount: 10_000,
      inclusive: true,
    });
  });

  it('a FR business whose VAT number did not validate is taxed like a consumer', () => {
    const { taxes, result } = tax(
      { seller: deSeller, customer: business('FR', 'FR00000000000', false) },
      10_000,
    );
    // OSS applies: 10000 × 20% = 2000
    expect(taxes[0]).toMatchObject({ amount: 2000, label: 'TVA 20 %' });
    expect(result.reverseCharge).toBeUndefined();
  });

  it('domestic B2B (DE → DE business) is taxed normally', () => {
    // 10000 × 19% = 1900
    expect(tax({ seller: deSeller, customer: business('DE', 'DE999999999') }, 10_000).amounts).toEqual([
      1900,
    ]);
  });

  it('a US seller → DE business with a valid VAT number: reverse charge, no supplier number to print', () => {
    const { amounts, result } = tax(
      { seller: seller('US'), customer: business('DE', 'DE999999999') },
      10_000,
    );
    expect(amounts).toEqual([0]);
    expect(result.notes).toEqual([EU_REVERSE_CHARGE_NOTE, 'Customer VAT number: DE999999999']);
  });
});

describe('Europe outside the EU', () => {
  it('UK: VAT 20% on £10.00 exclusive and inside £12.00', () => {
    const gb = { seller: seller('GB'), customer: consumer('GB') };
    // 1000 × 20% = 200
    expect(tax(gb, 1000, { currency: 'GBP' }).taxes[0]).toMatchObject({ amount: 200, label: 'VAT 20%' });
    // net = 1200 / 1.2 = 1000; tax 200
    expect(tax(gb, 1200, { inclusive: true, currency: 'GBP' }).amounts).toEqual([200]);
  });

  it('Switzerland: MwSt. 8.1% from 2024, 7.7% before', () => {
    const ch = { seller: seller('CH'), customer: consumer('CH') };
    // 10000 × 8.1% = 810
    expect(tax(ch, 10_000, { currency: 'CHF' }).taxes[0]).toMatchObject({ amount: 810, label: 'MwSt. 8.1%' });
    // 10000 × 7.7% = 770
    expect(tax(ch, 10_000, { currency: 'CHF', atMs: fromIso('2023-06-01') }).amounts).toEqual([770]);
  });

  it('Norway: a US seller registered under VOEC charges MVA 25%', () => {
    const ctx = { seller: seller('US', [{ country: 'NO' }]), customer: consumer('NO') };
    // 9900 × 25% = 2475
    expect(tax(ctx, 9900, { currency: 'NOK' }).taxes[0]).toMatchObject({
      amount: 2475,
      label: 'MVA 25%',
      jurisdiction: 'NO',
    });
  });

  it('Iceland VSK 24% and Turkey KDV %20', () => {
    // 10000 × 24% = 2400
    expect(
      tax({ seller: seller('IS'), customer: consumer('IS') }, 10_000, { currency: 'ISK' }).amounts,
    ).toEqual([2400]);
    // 10000 × 20% = 2000
    expect(
      tax({ seller: seller('TR'), customer: consumer('TR') }, 10_000, { currency: 'TRY' }).labels,
    ).toEqual(['KDV %20']);
  });
});

describe('Canada', () => {
  const qcRegistered = seller('CA', [{ country: 'CA', state: 'QC' }], 'ON');

  it('Québec: GST 5% + QST 9.975% on C$100.00 are two lines, 5.00 + 9.98', () => {
    const { taxes } = tax({ seller: qcRegistered, customer: consumer('CA', 'QC') }, 10_000, {
      currency: 'CAD',
    });
    // GST 10000 × 5% = 500; QST 10000 × 9.975% = 997.5 → 998 (not on the GST)
    expect(taxes.map((t) => [t.label, t.amount, t.jurisdiction, t.type])).toEqual([
      ['GST 5%', 500, 'CA', 'gst'],
      ['QST 9.975%', 998, 'CA-QC', 'qst'],
    ]);
  });

  it('Québec inclusive C$114.98: net 100.00, GST 5.00, QST 9.98', () => {
    const { taxes } = tax({ seller: qcRegistered, customer: consumer('CA', 'QC') }, 11_498, {
      inclusive: true,
      currency: 'CAD',
    });
    // net = round(11498 / 1.14975) = 10000; 1498 split 5 : 9.975 → 500.17 / 997.83 → 500 + 998
    expect(taxes.map((t) => [t.amount, t.taxableAmount])).toEqual([
      [500, 10_000],
      [998, 10_000],
    ]);
  });

  it('Québec without a QST registration: GST only', () => {
    // 10000 × 5% = 500; QST not collected
    expect(
      tax({ seller: seller('CA'), customer: consumer('CA', 'QC') }, 10_000, { currency: 'CAD' }).labels,
    ).toEqual(['GST 5%']);
  });

  it('Ontario: HST 13% alone', () => {
    const { taxes } = tax(
      { seller: seller('US', [{ country: 'CA' }]), customer: consumer('CA', 'ON') },
      10_000,
      { currency: 'CAD' },
    );
    // 10000 × 13% = 1300
    expect(taxes.map((t) => [t.label, t.amount, t.jurisdiction])).toEqual([['HST 13%', 1300, 'CA-ON']]);
  });

  it('Nova Scotia: HST 14% from 2025-04-01, 15% before', () => {
    const ns = { seller: seller('CA'), customer: consumer('CA', 'NS') };
    // 10000 × 14% = 1400
    expect(tax(ns, 10_000, { currency: 'CAD', atMs: fromIso('2025-04-01T12:00:00Z') }).labels).toEqual([
      'HST 14%',
    ]);
    // 10000 × 15% = 1500
    expect(tax(ns, 10_000, { currency: 'CAD', atMs: fromIso('2025-03-31T12:00:00Z') }).amounts).toEqual([
      1500,
    ]);
  });

  it('British Columbia: GST 5% + PST 7% when registered in BC', () => {
    const ctx = { seller: seller('CA', [{ country: 'CA', state: 'BC' }]), customer: consumer('CA', 'BC') };
    // 2999 × 5% = 149.95 → 150; 2999 × 7% = 209.93 → 210
    expect(tax(ctx, 2999, { currency: 'CAD' }).amounts).toEqual([150, 210]);
  });

  it('Manitoba RST 7% and Alberta GST only', () => {
    const mb = { seller: seller('CA', [], 'MB'), customer: consumer('CA', 'MB') };
    // home province counts as registered: 10000 × 5% = 500, 10000 × 7% = 700
    expect(tax(mb, 10_000, { currency: 'CAD' }).labels).toEqual(['GST 5%', 'RST 7%']);
    expect(
      tax({ seller: seller('CA'), customer: consumer('CA', 'AB') }, 10_000, { currency: 'CAD' }).amounts,
    ).toEqual([500]);
  });
});

describe('United States', () => {
  const registeredIn = (...states: string[]) =>
    seller(
      'US',
      states.map((state) => ({ country: 'US', state })),
      'DE',
    );

  it('New York taxes SaaS: 4% state rate', () => {
    const { taxes } = tax({ seller: registeredIn('NY'), customer: consumer('US', 'NY') }, 10_000, {
      currency: 'USD',
    });
    // 10000 × 4% = 400
    expect(taxes[0]).toMatchObject({
      amount: 400,
      label: 'Sales tax 4%',
      jurisdiction: 'US-NY',
      type: 'sales_tax',
    });
  });

  it('California does not tax SaaS, even when registered', () => {
    const { taxes, result } = tax({ seller: registeredIn('CA'), customer: consumer('US', 'CA') }, 10_000, {
      currency: 'USD',
    });
    expect(taxes).toEqual([]);
    expect(result.treatment).toBe('not_taxable');
  });

  it('Texas taxes 80% of the charge: $100.00 → 6.25% of $80.00', () => {
    const { taxes } = tax({ seller: registeredIn('TX'), customer: consumer('US', 'TX') }, 10_000, {
      currency: 'USD',
    });
    // taxable = 10000 × 80% = 8000; 8000 × 6.25% = 500
    expect(taxes[0]).toMatchObject({ amount: 500, taxableAmount: 8000, ratePercent: '6.25' });
  });

  it('Texas inclusive $105.00: effective rate 5%', () => {
    const { taxes } = tax({ seller: registeredIn('TX'), customer: consumer('US', 'TX') }, 10_500, {
      inclusive: true,
      currency: 'USD',
    });
    // effective 6.25 × 80% = 5; net = 10500 / 1.05 = 10000; tax 500; taxable = 80% of 10000
    expect(taxes[0]).toMatchObject({ amount: 500, taxableAmount: 8000 });
  });

  it('Texas $19.99: taxable part rounded once, then the tax', () => {
    // taxable = 1999 × 80% = 1599.2 → 1599; 1599 × 6.25% = 99.9375 → 100
    expect(
      tax({ seller: registeredIn('TX'), customer: consumer('US', 'TX') }, 1999, { currency: 'USD' }).taxes[0],
    ).toMatchObject({
      amount: 100,
      taxableAmount: 1599,
    });
  });

  it('no nexus in Washington: nothing collected', () => {
    const { result } = tax({ seller: registeredIn('NY'), customer: consumer('US', 'WA') }, 10_000, {
      currency: 'USD',
    });
    expect(result.treatment).toBe('not_collected');
  });

  it('Connecticut: 1% for a business, 6.35% for a consumer', () => {
    // 10000 × 1% = 100
    expect(
      tax({ seller: registeredIn('CT'), customer: { country: 'US', state: 'CT', business: true } }, 10_000, {
        currency: 'USD',
      }).amounts,
    ).toEqual([100]);
    // 10000 × 6.35% = 635
    expect(
      tax({ seller: registeredIn('CT'), customer: consumer('US', 'CT') }, 10_000, { currency: 'USD' })
        .amounts,
    ).toEqual([635]);
  });

  it('Ohio: taxed for business use only', () => {
    const oh = { country: 'US', state: 'OH', business: true };
    // 10000 × 5.75% = 575
    expect(tax({ seller: registeredIn('OH'), customer: oh }, 10_000, { currency: 'USD' }).amounts).toEqual([
      575,
    ]);
    expect(
      tax({ seller: registeredIn('OH'), customer: consumer('US', 'OH') }, 10_000, { currency: 'USD' }).result
        .treatment,
    ).toBe('not_taxable');
  });

  it('the seller’s home state counts as registered', () => {
    // Washington seller, Washington customer: 10000 × 6.5% = 650
    expect(
      tax({ seller: seller('US', [], 'WA'), customer: consumer('US', 'WA') }, 10_000, { currency: 'USD' })
        .amounts,
    ).toEqual([650]);
  });

  it('a US customer without a state is an input error once the seller is registered in the US', () => {
    expect(() => tax({ seller: registeredIn('NY'), customer: consumer('US') }, 10_000)).toThrow(
      /customer\.state/,
    );
  });
});

describe('zero- and three-decimal currencies, and the rest of the world', () => {
  const home = (country: string) => ({ seller: seller(country), customer: consumer(country) });

  it('Japan JCT 10%: ¥1,000 exclusive → ¥100; ¥1,100 inclusive → ¥1,000 + ¥100', () => {
    // JPY has no minor unit: 1000 × 10% = 100
    expect(tax(home('JP'), 1000, { currency: 'JPY' }).taxes[0]).toMatchObject({
      amount: 100,
      label: 'JCT 10%',
      type: 'jct',
    });
    // 1100 / 1.1 = 1000; tax 100
    expect(tax(home('JP'), 1100, { inclusive: true, currency: 'JPY' }).taxes[0]).toMatchObject({
      amount: 100,
      taxableAmount: 1000,
    });
    // ¥999 × 10% = 99.9 → 100
    expect(tax(home('JP'), 999, { currency: 'JPY' }).amounts).toEqual([100]);
  });

  it('Bahrain VAT 10% in fils (three decimals): BHD 10.000 → 1.000; BHD 1.235 → 0.124', () => {
    // 10000 fils × 10% = 1000 fils
    expect(tax(home('BH'), 10_000, { currency: 'BHD' }).amounts).toEqual([1000]);
    // 1235 × 10% = 123.5 → 124 (half up)
    expect(tax(home('BH'), 1235, { currency: 'BHD' }).amounts).toEqual([124]);
    // before 2022 the rate was 5%: 10000 × 5% = 500
    expect(tax(home('BH'), 10_000, { currency: 'BHD', atMs: fromIso('2021-06-01') }).amounts).toEqual([500]);
  });

  it('Australia GST 10% inside A$11.00; New Zealand GST 15% on NZ$10.00', () => {
    // 1100 / 1.1 = 1000; tax 100
    expect(tax(home('AU'), 1100, { inclusive: true, currency: 'AUD' }).amounts).toEqual([100]);
    // 1000 × 15% = 150
    expect(tax(home('NZ'), 1000, { currency: 'NZD' }).amounts).toEqual([150]);
  });

  it('Singapore GST 9% in 2025, 8% in 2023', () => {
    // 10000 × 9% = 900; 10000 × 8% = 800
    expect(tax(home('SG'), 10_000, { currency: 'SGD' }).amounts).toEqual([900]);
    expect(tax(home('SG'), 10_000, { currency: 'SGD', atMs: fromIso('2023-06-01') }).amounts).toEqual([800]);
  });

  it('South Korea VAT 10%, India IGST 18%, South Africa VAT 15%, Mexico IVA 16%', () => {
    // ₩9,900 × 10% = 990
    expect(tax(home('KR'), 9900, { currency: 'KRW' }).amounts).toEqual([990]);
    // ₹999.00 × 18% = 17982 paise
    expect(tax(home('IN'), 99_900, { currency: 'INR' }).taxes[0]).toMatchObject({
      amount: 17_982,
      label: 'IGST 18%',
    });
    // R99.99 × 15% = 1499.85 → 1500
    expect(tax(home('ZA'), 9999, { currency: 'ZAR' }).amounts).toEqual([1500]);
    // MX$199.00 × 16% = 3184
    expect(tax(home('MX'), 19_900, { currency: 'MXN' }).taxes[0]).toMatchObject({
      amount: 3184,
      label: 'IVA 16%',
    });
  });
});

describe('exemptions, codes and lines', () => {
  it('an exempt customer pays no tax and the invoice says why', () => {
    const { taxes, result } = tax(
      { seller: seller('DE'), customer: { ...consumer('DE'), exempt: 'exempt' } },
      10_000,
    );
    expect(taxes).toEqual([]);
    expect(result).toMatchObject({ treatment: 'exempt', notes: [EXEMPT_NOTE] });
  });

  it('a customer flagged reverse outside the EU: 0% GST with the generic note', () => {
    const ctx = {
      seller: seller('US', [{ country: 'AU', taxId: 'ARN 3000 0000 000' }]),
      customer: {
        ...business('AU'),
        taxId: { type: 'au_abn', value: '12 345 678 901', valid: true },
        exempt: 'reverse' as const,
      },
    };
    const { taxes, result } = tax(ctx, 10_000, { currency: 'AUD' });
    expect(taxes[0]).toMatchObject({
      amount: 0,
      label: 'GST 0% (reverse charge)',
      type: 'gst',
      reverseCharge: true,
    });
    expect(result.notes).toEqual([
      REVERSE_CHARGE_NOTE,
      'Supplier tax ID: ARN 3000 0000 000',
      'Customer tax ID: 12 345 678 901',
    ]);
  });

  it('selling abroad where the seller is not registered: untaxed', () => {
    expect(
      tax({ seller: seller('DE'), customer: consumer('JP') }, 1000, { currency: 'JPY' }).result,
    ).toMatchObject({
      treatment: 'not_collected',
      lines: [{ index: 0, taxes: [] }],
    });
  });

  it('each line is rounded on its own; nontaxable lines get nothing; credits are negative', () => {
    const lines: TaxableLine[] = [
      { index: 0, amount: 1, inclusive: false }, // 1 × 19% = 0.19 → 0
      { index: 1, amount: 3, inclusive: false }, // 3 × 19% = 0.57 → 1
      { index: 2, amount: 5000, inclusive: false, taxCode: 'nontaxable' }, // nothing
      { index: 3, amount: -10_000, inclusive: false, taxCode: 'saas' }, // −10000 × 19% = −1900
    ];
    const result = createBuiltInTaxCalculator({ seller: seller('DE'), customer: consumer('DE') })({
      currency: 'EUR',
      atMs: NOW,
      lines,
    });
    expect(result.lines.map((l) => l.taxes.map((t) => t.amount))).toEqual([[0], [1], [], [-1900]]);
  });

  it('refuses unknown tax codes, bad input, and places the table does not cover', () => {
    const calc = createBuiltInTaxCalculator({ seller: seller('DE'), customer: consumer('DE') });
    const line = { index: 0, amount: 100, inclusive: false };
    expect(() => calc({ currency: 'EUR', atMs: NOW, lines: [{ ...line, taxCode: 'txcd_99' }] })).toThrow(
      /taxCode|Tax code/,
    );
    expect(() => calc({ currency: 'EUR', atMs: NOW, lines: [line, line] })).toThrow(/unique/);
    expect(() => calc({ currency: 'EUR', atMs: NOW, lines: [{ ...line, amount: 1.5 }] })).toThrow(/integer/);
    expect(() => calc({ currency: 'XXX' as CurrencyCode, atMs: NOW, lines: [line] })).toThrow(/currency/i);
    const ae = createBuiltInTaxCalculator({ seller: seller('AE'), customer: consumer('AE') });
    expect(() => ae({ currency: 'AED', atMs: NOW, lines: [line] })).toThrow(
      expect.objectContaining({ code: 'tax_jurisdiction_unsupported' }),
    );
  });

  it('upper-cases codes, and refuses a malformed context at creation', () => {
    const lower = createBuiltInTaxCalculator({
      seller: seller('de'),
      customer: { ...consumer('fr'), state: 'idf' },
    });
    // DE → FR consumer without OSS: origin VAT, 10000 × 19% = 1900
    expect(
      lower({ currency: 'EUR', atMs: NOW, lines: [{ index: 0, amount: 10_000, inclusive: false }] }).lines[0]!
        .taxes[0],
    ).toMatchObject({
      amount: 1900,
      jurisdiction: 'DE',
    });
    expect(() => createBuiltInTaxCalculator({ seller: seller('DEU'), customer: consumer('DE') })).toThrow(
      /seller\.country/,
    );
    expect(() =>
      createBuiltInTaxCalculator({
        seller: seller('US', [{ country: 'US', type: 'oss' }]),
        customer: consumer('DE'),
      }),
    ).toThrow(/OSS/);
    expect(() =>
      createBuiltInTaxCalculator({ seller: seller('DE'), customer: { ...consumer('DE'), state: 'B-Y' } }),
    ).toThrow(/customer\.state/);
    expect(() =>
      createBuiltInTaxCalculator({
        seller: seller('DE'),
        customer: { ...consumer('DE'), exempt: 'yes' as 'exempt' },
      }),
    ).toThrow(/customer\.exempt/);
  });
});
