export {
  Entitlement,
  MarketingFeature,
  Product,
  ProductCreateParams,
  ProductListParams,
  ProductUpdateParams,
} from './schemas.js';
