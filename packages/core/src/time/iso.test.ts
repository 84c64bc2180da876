import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { InvalidInputError } from '../errors/index.js';
import { fromIso, toIso } from './iso.js';

describe('ISO-8601 instants', () => {
  it('converts epoch ms to UTC strings and back', () => {
    expect(toIso(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(toIso(1_709_164_800_000)).toBe('2024-02-29T00:00:00.000Z'); // 19_782 days × 86_400_000
    expect(fromIso('2024-02-29T00:00:00Z')).toBe(1_709_164_800_000);
    expect(fromIso('2024-02-29')).toBe(1_709_164_800_000); // a bare date is UTC midnight
    expect(fromIso('2024-02-29T02:00:00+02:00')).toBe(1_709_164_800_000); // Bucharest winter, UTC+2
    expect(fromIso('2024-02-29T00:00:00.123Z')).toBe(1_709_164_800_123);
    expect(toIso(fromIso('0096-02-29'))).toBe('0096-02-29T00:00:00.000Z'); // 96 AD was a leap year
  });

  it('rejects strings without an explicit zone, impossible dates and garbage', () => {
    for (const bad of [
      '2024-02-29T00:00:00',
      '2024-02-30',
      '2023-02-29T00:00:00Z',
      '2024-04-31T12:00:00Z',
      '2024-13-01',
      '2024-02-29T24:00:00Z',
      '0000-00-00',
      '29/02/2024',
      '',
      'now',
    ]) {
      expect(() => fromIso(bad, 'startDate')).toThrow(InvalidInputError);
    }
    expect(() => fromIso('nope', 'startDate')).toThrow(expect.objectContaining({ param: 'startDate' }));
  });

  it('round-trips any instant (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }), (ms) => {
        expect(fromIso(toIso(ms))).toBe(ms);
      }),
    );
  });
});
