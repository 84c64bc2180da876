export { MAX_DURATION_MONTHS, discountEndMs, isDiscountActive, validateCouponDuration, type DiscountActiveOptions } from './active.js';
export { discountLines, validateCouponValue, type DiscountableLine } from './lines.js';
