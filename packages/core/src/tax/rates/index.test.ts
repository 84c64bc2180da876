import { TZDate } from '@date-fns/tz';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromIso } from '../../time/index.js';
import { EU_COUNTRIES, hasSubdivisionRates, taxRateFor, taxRateTable } from './index.js';

const rateOf = (country: string, state: string | undefined, iso: string) =>
  taxRateFor(country, state, fromIso(iso))?.map((e) => `${e.label} @ ${e.jurisdiction}`);

describe('taxRateFor', () => {
  it('chooses the rate in force at the instant, keeping history', () => {
    // Romania 19% → 21% on 2025-08-01 00:00 Europe/Bucharest (UTC+3) = 2025-07-31T21:00Z
    expect(rateOf('RO', undefined, '2025-07-31T20:59:59.999Z')).toEqual(['TVA 19% @ RO']);
    expect(rateOf('RO', undefined, '2025-07-31T21:00:00Z')).toEqual(['TVA 21% @ RO']);
    // Estonia 20% → 22% (2024-01-01) → 24% (2025-07-01, UTC+3)
    expect(rateOf('EE', undefined, '2023-12-31T12:00:00Z')).toEqual(['KM 20% @ EE']);
    expect(rateOf('EE', undefined, '2025-06-30T20:59:59Z')).toEqual(['KM 22% @ EE']);
    expect(rateOf('EE', undefined, '2025-06-30T21:00:00Z')).toEqual(['KM 24% @ EE']);
    // Finland 24% → 25.5% on 2024-09-01 (UTC+3)
    expect(rateOf('FI', undefined, '2024-08-31T12:00:00Z')).toEqual(['ALV 24 % @ FI']);
    expect(rateOf('FI', undefined, '2024-09-01T12:00:00Z')).toEqual(['ALV 25,5 % @ FI']);
    // Slovakia 20% → 23% on 2025-01-01 (UTC+1)
    expect(rateOf('SK', undefined, '2024-12-31T22:59:59Z')).toEqual(['DPH 20% @ SK']);
    expect(rateOf('SK', undefined, '2024-12-31T23:00:00Z')).toEqual(['DPH 23% @ SK']);
    // Germany's temporary 16% in the second half of 2020, and back
    expect(rateOf('DE', undefined, '2020-10-01T00:00:00Z')).toEqual(['USt. 16% @ DE']);
    expect(rateOf('DE', undefined, '2021-06-01T00:00:00Z')).toEqual(['USt. 19% @ DE']);
    // Switzerland 7.7% → 8.1% on 2024-01-01; Singapore 8% → 9% on 2024-01-01
    expect(rateOf('CH', undefined, '2023-06-01T00:00:00Z')).toEqual(['MwSt. 7.7% @ CH']);
    expect(rateOf('CH', undefined, '2024-06-01T00:00:00Z')).toEqual(['MwSt. 8.1% @ CH']);
    expect(rateOf('SG', undefined, '2023-06-01T00:00:00Z')).toEqual(['GST 8% @ SG']);
    expect(rateOf('SG', undefined, '2024-06-01T00:00:00Z')).toEqual(['GST 9% @ SG']);
    // Nova Scotia HST 15% → 14% on 2025-04-01 00:00 America/Halifax (UTC−3) = 03:00Z
    expect(rateOf('CA', 'NS', '2025-04-01T02:59:59Z')).toEqual(['HST 15% @ CA-NS']);
    expect(rateOf('CA', 'NS', '2025-04-01T03:00:00Z')).toEqual(['HST 14% @ CA-NS']);
  });

  it('answers every tax of a place, in table order', () => {
    const at = '2025-09-01T12:00:00Z';
    expect(rateOf('CA', 'QC', at)).toEqual(['GST 5% @ CA', 'QST 9.975% @ CA-QC']);
    expect(rateOf('CA', 'ON', at)).toEqual(['HST 13% @ CA-ON']);
    expect(rateOf('CA', 'BC', at)).toEqual(['GST 5% @ CA', 'PST 7% @ CA-BC']);
    expect(rateOf('CA', 'MB', at)).toEqual(['GST 5% @ CA', 'RST 7% @ CA-MB']);
    expect(rateOf('CA', 'AB', at)).toEqual(['GST 5% @ CA']);
    expect(rateOf('US', 'TX', at)).toEqual(['Sales tax 6.25% @ US-TX']);
    expect(rateOf('JP', undefined, at)).toEqual(['JCT 10% @ JP']);
  });

  it('filters entries limited to one kind of customer', () => {
    const at = fromIso('2025-09-01T12:00:00Z');
    expect(taxRateFor('US', 'CT', at, 'business')?.map((e) => e.ratePercent)).toEqual(['1']);
    expect(taxRateFor('US', 'CT', at, 'consumer')?.map((e) => e.ratePercent)).toEqual(['6.35']);
    expect(taxRateFor('US', 'CT', at)?.map((e) => e.ratePercent)).toEqual(['1', '6.35']);
    expect(taxRateFor('US', 'OH', at, 'consumer')).toEqual([]);
  });

  it('tells unknown places and instants apart from untaxed ones', () => {
    const at = fromIso('2025-09-01T12:00:00Z');
    expect(taxRateFor('AE', undefined, at)).toBeUndefined(); // not in the table
    expect(taxRateFor('US', 'PR', at)).toBeUndefined();
    expect(taxRateFor('BH', undefined, fromIso('2018-06-01'))).toBeUndefined(); // before Bahrain VAT
    expect(taxRateFor('US', 'CA', at)?.[0]?.saas).toBe('exempt'); // known, SaaS untaxed
    expect(taxRateFor('FR', 'IDF', at)?.[0]?.ratePercent).toBe('20'); // a state is ignored where rates are national
  });

  it('needs a state in the US and Canada', () => {
    expect(hasSubdivisionRates('US')).toBe(true);
    expect(hasSubdivisionRates('DE')).toBe(false);
    expect(() => taxRateFor('US', undefined, 0)).toThrow(/state/);
    expect(() => taxRateFor('CA', undefined, 0)).toThrow(/state/);
    expect(() => taxRateFor('DE', undefined, 1.5)).toThrow(/atMs/);
  });
});

describe('the rate table', () => {
  const at = fromIso('2025-09-01T12:00:00Z');

  it('covers the EU-27 and the listed countries at today’s standard rates', () => {
    expect([...EU_COUNTRIES].sort().join(' ')).toBe(
      'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK',
    );
    const current = Object.fromEntries(
      [
        'AT',
        'BE',
        'BG',
        'HR',
        'CY',
        'CZ',
        'DK',
        'EE',
        'FI',
        'FR',
        'DE',
        'GR',
        'HU',
        'IE',
        'IT',
        'LV',
        'LT',
        'LU',
        'MT',
        'NL',
        'PL',
        'PT',
        'RO',
        'SK',
        'SI',
        'ES',
        'SE',
        'GB',
        'NO',
        'CH',
        'IS',
        'AU',
        'NZ',
        'SG',
        'JP',
        'KR',
        'IN',
        'ZA',
        'MX',
        'TR',
        'BH',
      ].map((c) => [c, taxRateFor(c, undefined, at)?.[0]?.ratePercent]),
    );
    expect(current).toEqual({
      AT: '20',
      BE: '21',
      BG: '20',
      HR: '25',
      CY: '19',
      CZ: '21',
      DK: '25',
      EE: '24',
      FI: '25.5',
      FR: '20',
      DE: '19',
      GR: '24',
      HU: '27',
      IE: '23',
      IT: '22',
      LV: '21',
      LT: '21',
      LU: '17',
      MT: '18',
      NL: '21',
      PL: '23',
      PT: '23',
      RO: '21',
      SK: '23',
      SI: '22',
      ES: '21',
      SE: '25',
      GB: '20',
      NO: '25',
      CH: '8.1',
      IS: '24',
      AU: '10',
      NZ: '15',
      SG: '9',
      JP: '10',
      KR: '10',
      IN: '18',
      ZA: '15',
      MX: '16',
      TR: '20',
      BH: '10',
    });
  });

  it('has a GST or HST for every Canadian province and territory, and all 50 states plus DC', () => {
    for (const p of ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']) {
      const federal = taxRateFor('CA', p, at)?.filter((e) => e.type === 'gst' || e.type === 'hst') ?? [];
      expect(federal, p).toHaveLength(1);
    }
    const states = new Set(taxRateTable.filter((e) => e.country === 'US').map((e) => e.state));
    expect(states.size).toBe(51);
  });

  it('gives every entry a source, a label showing its rate, and a sane shape', () => {
    for (const e of taxRateTable) {
      const where = `${e.country}${e.state ?? ''} ${e.label}`;
      expect(e.source.length, where).toBeGreaterThan(10);
      // the label shows the rate in local writing: "25,5 %", "%20", "9.975%"
      const shown = e.ratePercent.replace('.', '[.,]');
      expect(e.label, where).toMatch(new RegExp(`(^|[ %])${shown}( ?%|$)`));
      expect(Number(e.ratePercent), where).toBeGreaterThanOrEqual(0);
      expect(e.jurisdiction.startsWith(e.country), where).toBe(true);
      expect(e.registration === 'state' ? e.state !== undefined : true, where).toBe(true);
    }
  });

  it('writes every effectiveFromMs as the local midnight its comment names', () => {
    const folder = new URL('./', import.meta.url);
    const files = readdirSync(folder).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts' && f !== 'types.ts',
    );
    let checked = 0;
    for (const file of files) {
      const text = readFileSync(new URL(file, folder), 'utf8');
      const fields = text.match(/effectiveFromMs: .*/g) ?? [];
      for (const field of fields) {
        const dated = /^effectiveFromMs: (\d+), \/\/ (\d{4})-(\d{2})-(\d{2}) 00:00 ([A-Za-z_/]+)$/.exec(
          field,
        );
        if (dated === null) {
          expect(field, file).toMatch(/^effectiveFromMs: 0, \/\/ start not tracked/);
        } else {
          const [, ms, y, m, d, zone] = dated;
          expect(Number(ms), `${file}: ${field}`).toBe(
            new TZDate(Number(y), Number(m) - 1, Number(d), zone!).getTime(),
          );
        }
        checked++;
      }
    }
    expect(checked).toBe(taxRateTable.length);
  });
});
