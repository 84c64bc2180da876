export { CatalogCoupon, CatalogFile, CatalogPrice, CatalogProduct, CatalogPromotionCode } from './schema.js';
