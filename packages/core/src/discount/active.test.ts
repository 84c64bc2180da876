import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Coupon, Discount } from '../catalog/index.js';
import { discountEndMs, isDiscountActive } from './active.js';

const jan31 = Date.UTC(2026, 0, 31, 12);
const coupon = (patch: Partial<Coupon>): Coupon => ({ id: 'c', percentOff: '20', duration: 'forever', ...patch });
const discount = (patch: Partial<Coupon>, startMs = jan31): Discount => ({ coupon: coupon(patch), startMs });

describe('isDiscountActive', () => {
  it('is never active before it starts', () => {
    for (const duration of ['once', 'forever'] as const) expect(isDiscountActive(discount({ duration }), jan31 - 1)).toBe(false);
    expect(isDiscountActive(discount({ duration: 'repeating', durationInMonths: 3 }), jan31 - 1)).toBe(false);
  });

  it('once: applies until it has been applied', () => {
    const d = discount({ duration: 'once' });
    expect(isDiscountActive(d, jan31)).toBe(true);
    expect(isDiscountActive(d, jan31 + 400 * 86_400_000)).toBe(true); // not spent by time
    expect(isDiscountActive(d, jan31, { alreadyApplied: true })).toBe(false);
  });

  it('repeating: counts calendar months from the start, month-end clamped, end exclusive', () => {
    const d = discount({ duration: 'repeating', durationInMonths: 3 });
    // Jan 31 + 3 months = Apr 30 (clamped) 12:00
    expect(discountEndMs(d)).toBe(Date.UTC(2026, 3, 30, 12));
    expect(isDiscountActive(d, Date.UTC(2026, 3, 30, 11, 59, 59, 999))).toBe(true);
    expect(isDiscountActive(d, Date.UTC(2026, 3, 30, 12))).toBe(false);
    // one month from Jan 31 2028 (leap year) = Feb 29
    expect(discountEndMs(discount({ duration: 'repeating', durationInMonths: 1 }, Date.UTC(2028, 0, 31)))).toBe(Date.UTC(2028, 1, 29));
  });

  it('forever: always after the start', () => {
    expect(isDiscountActive(discount({ duration: 'forever' }), jan31 + 10 * 365 * 86_400_000)).toBe(true);
    expect(discountEndMs(discount({ duration: 'forever' }))).toBeNull();
  });

  it('rejects inconsistent durations', () => {
    expect(() => isDiscountActive(discount({ duration: 'repeating' }), jan31)).toThrow(expect.objectContaining({ param: 'coupon.durationInMonths' }));
    expect(() => isDiscountActive(discount({ duration: 'repeating', durationInMonths: 0 }), jan31)).toThrow(
      expect.objectContaining({ param: 'coupon.durationInMonths' }),
    );
    expect(() => isDiscountActive(discount({ duration: 'once', durationInMonths: 2 }), jan31)).toThrow(
      expect.objectContaining({ param: 'coupon.durationInMonths' }),
    );
    expect(() => isDiscountActive(discount({ duration: 'weekly' as 'once' }), jan31)).toThrow(expect.objectContaining({ param: 'coupon.duration' }));
    expect(() => isDiscountActive(discount({}), 1.5)).toThrow(expect.objectContaining({ param: 'atMs' }));
  });

  it('a repeating discount is active exactly on [start, end) (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 1, max: 36 }), fc.integer({ min: -1e10, max: 1e11 }), (start, months, offset) => {
        const d = discount({ duration: 'repeating', durationInMonths: months }, start);
        const end = discountEndMs(d)!;
        expect(end).toBeGreaterThan(start);
        const at = start + offset;
        expect(isDiscountActive(d, at)).toBe(at >= start && at < end);
      }),
    );
  });
});
