import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ProductCreateParams } from '../products/schemas.js';
import { PriceCreateParams } from '../prices/schemas.js';
import { describeError, paramFromPath } from './issues.js';

describe('paramFromPath', () => {
  it('names nested params the Stripe way', () => {
    expect(paramFromPath([])).toBeUndefined();
    expect(paramFromPath(['name'])).toBe('name');
    expect(paramFromPath(['recurring', 'interval'])).toBe('recurring[interval]');
    expect(paramFromPath(['tiers', 0, 'up_to'])).toBe('tiers[0][up_to]');
  });
});

describe('describeError', () => {
  it('points at an unknown field itself, not its parent', () => {
    const result = PriceCreateParams.safeParse({ product: 'prod_1', currency: 'EUR', unit_amount: 1, recurring: { interval: 'month', colour: 'red' } });
    expect(result.success).toBe(false);
    const described = describeError(result.error!);
    expect(described.param).toBe('recurring[colour]');
    expect(described.message).toContain('unknown parameter');
  });

  it('points at a wrongly typed field', () => {
    const result = ProductCreateParams.safeParse({ name: 42 });
    expect(describeError(result.error!)).toEqual({ param: 'name', message: 'Invalid name: expected string' });
  });

  it('any unknown top-level field is rejected and named', () => {
    const known = new Set(Object.keys(ProductCreateParams.def.shape));
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !known.has(k) && k !== '__proto__'),
        fc.jsonValue(),
        (key, value) => {
          const result = ProductCreateParams.safeParse({ name: 'Pro', [key]: value });
          expect(result.success).toBe(false);
          expect(describeError(result.error!).param).toBe(key);
        },
      ),
    );
  });
});
