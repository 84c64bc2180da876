import { describe, expect, it } from 'vitest';
import type { Price, Product } from '../catalog/index.js';
import { InvalidInputError } from '../errors/index.js';
import { flatPrice, item, seatPrice, yearly } from '../subscription/test-fixtures.js';
import { classifyChange, licensedPeriodAmount } from './classify.js';

const pro = flatPrice('price_pro', 'prod_pro', 2900);
const enterprise = flatPrice('price_ent', 'prod_ent', 9900);
const seats = seatPrice('price_seat', 'prod_seat', 1000);
const metered: Price = {
  ...seatPrice('price_api', 'prod_api', 1),
  recurring: { interval: { unit: 'month', count: 1 }, usageType: 'metered' },
};
const product = (id: string, rank?: number, group = 'plans'): Product => ({ id, name: id, group, ...(rank === undefined ? {} : { rank }), entitlements: [] });

describe('classifyChange', () => {
  it('compares amounts per period when the catalog does not rank', () => {
    expect(classifyChange([item(pro)], [item(enterprise)])).toBe('upgrade'); // 9900 > 2900
    expect(classifyChange([item(enterprise)], [item(pro)])).toBe('downgrade');
    expect(classifyChange([item(pro)], [item(flatPrice('price_pro2', 'prod_pro2', 2900))])).toBe('lateral');
  });

  it('lets product rank in a shared group win over amount', () => {
    // "Team" is ranked above "Pro" but costs less (a promotional price): still an upgrade.
    const team = flatPrice('price_team', 'prod_team', 1900);
    const products = [product('prod_pro', 1), product('prod_team', 2)];
    expect(classifyChange([item(pro)], [item(team)], products)).toBe('upgrade');
    expect(classifyChange([item(team)], [item(pro)], products)).toBe('downgrade');
    // Different groups do not compare: back to amounts (1900 < 2900).
    const otherGroup = [product('prod_pro', 1), product('prod_team', 2, 'addons')];
    expect(classifyChange([item(pro)], [item(team)], otherGroup)).toBe('downgrade');
  });

  it('sees quantity changes of the same prices as seat changes', () => {
    expect(classifyChange([item(seats, 5)], [item(seats, 8)])).toBe('seat_increase'); // 8000 > 5000
    expect(classifyChange([item(seats, 5)], [item(seats, 3)])).toBe('seat_decrease');
    // A flat price costs the same at any quantity: the quantity decides.
    expect(classifyChange([item(pro, 1)], [item(pro, 2)])).toBe('seat_increase');
  });

  it('calls any change of interval an interval change', () => {
    expect(classifyChange([item(pro)], [item(flatPrice('price_pro_y', 'prod_pro', 29000, yearly))])).toBe('interval_change');
  });

  it('ignores metered items in the amount', () => {
    expect(licensedPeriodAmount([item(pro), item(metered, 0)])).toBe(2900);
    expect(classifyChange([item(pro), item(metered, 0)], [item(enterprise), item(metered, 0)])).toBe('upgrade');
  });

  it('refuses a change that changes nothing', () => {
    expect(() => classifyChange([item(seats, 2), item(pro)], [item(pro), item(seats, 2)])).toThrow(InvalidInputError);
  });
});
