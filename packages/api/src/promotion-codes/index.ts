export {
  PromotionCode,
  PromotionCodeCreateParams,
  PromotionCodeListParams,
  PromotionCodeText,
  PromotionCodeUpdateParams,
  RestrictionsParams,
} from './schemas.js';
