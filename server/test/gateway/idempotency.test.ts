import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveIdempotencyKey } from '../../src/gateway/index.js';

const idPart = fc.stringMatching(/^[^:]{1,40}$/);

describe('deriveIdempotencyKey', () => {
  it('joins the operation and the ids', () => {
    expect(deriveIdempotencyKey('invoice.charge', 'in_123', 2)).toBe('abona:invoice.charge:in_123:2');
    expect(deriveIdempotencyKey('refund', 'cn_9')).toBe('abona:refund:cn_9');
  });

  it('rejects parts that would make keys ambiguous', () => {
    expect(() => deriveIdempotencyKey('Invoice', 'in_1')).toThrow(expect.objectContaining({ param: 'operation' }));
    expect(() => deriveIdempotencyKey('charge')).toThrow(expect.objectContaining({ param: 'ids' }));
    expect(() => deriveIdempotencyKey('charge', 'a:b')).toThrow(expect.objectContaining({ param: 'ids' }));
    expect(() => deriveIdempotencyKey('charge', '')).toThrow(expect.objectContaining({ param: 'ids' }));
    expect(() => deriveIdempotencyKey('charge', 1.5)).toThrow(expect.objectContaining({ param: 'ids' }));
  });

  it('hashes ids that would exceed 255 characters', () => {
    const key = deriveIdempotencyKey('charge', 'x'.repeat(300));
    // 'abona:charge::sha256:' is 21 characters, plus 64 hex digits = 85.
    expect(key).toMatch(/^abona:charge::sha256:[0-9a-f]{64}$/);
    expect(key).toHaveLength(85);
  });

  it('is deterministic and at most 255 characters', () => {
    fc.assert(
      fc.property(fc.array(idPart, { minLength: 1, maxLength: 10 }), (ids) => {
        const key = deriveIdempotencyKey('op', ...ids);
        expect(deriveIdempotencyKey('op', ...ids)).toBe(key);
        expect(key.length).toBeLessThanOrEqual(255);
      }),
    );
  });

  it('never gives two different inputs the same key', () => {
    const input = fc.tuple(
      fc.constantFrom('charge', 'refund', 'invoice.charge'),
      fc.array(fc.oneof(idPart, fc.constant('x'.repeat(250))), { minLength: 1, maxLength: 4 }),
    );
    fc.assert(
      fc.property(input, input, ([opA, idsA], [opB, idsB]) => {
        const same = opA === opB && idsA.length === idsB.length && idsA.every((id, i) => id === idsB[i]);
        expect(deriveIdempotencyKey(opA, ...idsA) === deriveIdempotencyKey(opB, ...idsB)).toBe(same);
      }),
    );
  });
});
