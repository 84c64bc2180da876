import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Entitlement, Product } from '../catalog/index.js';
import { entitlementsFor, hasFeature, limitOf } from './merge.js';

const product = (id: string, entitlements: Entitlement[], rank?: number): Product => ({ id, name: id, entitlements, ...(rank === undefined ? {} : { rank }) });
const ent = (key: string, value: Entitlement['value'], unit?: string): Entitlement => ({ key, name: key, value, ...(unit ? { unit } : {}) });

const basic = product('basic', [ent('sso', false), ent('api_calls', 10_000, 'calls / month'), ent('support', 'email'), ent('seats', 3)], 1);
const pro = product('pro', [ent('sso', true), ent('api_calls', 100_000, 'calls / month'), ent('support', 'priority')], 2);
const addOn = product('calls_pack', [ent('api_calls', 5_000), ent('exports', true)]);

describe('entitlementsFor', () => {
  it('ORs booleans, takes the max limit and the highest-ranked string by default', () => {
    const e = entitlementsFor([basic, pro, addOn]);
    expect(e.sso?.value).toBe(true); // false ∨ true
    expect(e.api_calls).toEqual(ent('api_calls', 100_000, 'calls / month')); // max(10000, 100000, 5000)
    expect(e.support?.value).toBe('priority'); // rank 2 beats rank 1
    expect(e.seats?.value).toBe(3); // only basic sets it
    expect(e.exports?.value).toBe(true);
    expect(Object.keys(e).sort()).toEqual(['api_calls', 'exports', 'seats', 'sso', 'support']);
  });

  it('sums limits when products stack', () => {
    expect(limitOf(entitlementsFor([basic, addOn], { numeric: 'sum' }), 'api_calls')).toBe(15_000); // 10000 + 5000
    expect(basic.entitlements[1]?.value).toBe(10_000); // the catalog is not mutated
  });

  it('keeps the first string on a rank tie, and is empty with no products', () => {
    const a = product('a', [ent('region', 'eu')]);
    const b = product('b', [ent('region', 'us')]);
    expect(entitlementsFor([a, b]).region?.value).toBe('eu');
    expect(entitlementsFor([b, a]).region?.value).toBe('us');
    expect(entitlementsFor([])).toEqual({});
  });

  it('answers features and limits', () => {
    const e = entitlementsFor([basic]);
    expect(hasFeature(e, 'sso')).toBe(false);
    expect(hasFeature(entitlementsFor([pro]), 'sso')).toBe(true);
    expect(hasFeature(e, 'toString')).toBe(false); // not fooled by Object.prototype
    expect(limitOf(e, 'seats')).toBe(3);
    expect(limitOf(e, 'sso')).toBeUndefined();
    expect(limitOf(e, 'nothing')).toBeUndefined();
  });

  it('rejects inconsistent catalogs', () => {
    expect(() => entitlementsFor([basic, product('x', [ent('sso', 1)])])).toThrow(expect.objectContaining({ param: 'products[1].entitlements[0].value' }));
    expect(() => entitlementsFor([product('x', [ent('a', 1), ent('a', 2)])])).toThrow(expect.objectContaining({ param: 'products[0].entitlements[1].key' }));
    expect(() => entitlementsFor([product('x', [ent('a', Number.NaN)])])).toThrow(expect.objectContaining({ param: 'products[0].entitlements[0].value' }));
    expect(() => entitlementsFor([product('x', [ent('', true)])])).toThrow(expect.objectContaining({ param: 'products[0].entitlements[0].key' }));
  });

  const productsArb = fc.array(
    fc.record({
      rank: fc.integer({ min: 0, max: 3 }),
      sso: fc.option(fc.boolean(), { nil: undefined }),
      calls: fc.option(fc.nat({ max: 1e6 }), { nil: undefined }),
    }),
    { maxLength: 6 },
  ).map((rows) =>
    rows.map((r, i) =>
      product(`p${i}`, [...(r.sso === undefined ? [] : [ent('sso', r.sso)]), ...(r.calls === undefined ? [] : [ent('calls', r.calls)])], r.rank),
    ),
  );

  it('merging is order-independent for booleans and numbers, and max ≤ sum (property)', () => {
    fc.assert(
      fc.property(productsArb, (products) => {
        const e = entitlementsFor(products);
        const r = entitlementsFor([...products].reverse());
        expect(e.sso?.value).toBe(r.sso?.value);
        expect(e.calls?.value).toBe(r.calls?.value);
        const flags = products.flatMap((p) => p.entitlements.filter((x) => x.key === 'sso').map((x) => x.value));
        expect(hasFeature(e, 'sso')).toBe(flags.includes(true));
        const limits = products.flatMap((p) => p.entitlements.filter((x) => x.key === 'calls').map((x) => x.value as number));
        expect(limitOf(e, 'calls')).toBe(limits.length ? Math.max(...limits) : undefined);
        expect(limitOf(entitlementsFor(products, { numeric: 'sum' }), 'calls')).toBe(limits.length ? limits.reduce((a, b) => a + b, 0) : undefined);
      }),
    );
  });
});
