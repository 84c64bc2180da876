export { Coupon, CouponCreateParams, CouponListParams, CouponUpdateParams, couponDurations } from './schemas.js';
