export type {
  Coupon,
  Discount,
  Entitlement,
  Price,
  PricingModel,
  Product,
  Recurring,
  TaxBehavior,
  Tier,
  UsageAggregation,
} from './types.js';
