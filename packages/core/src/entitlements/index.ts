export { entitlementsFor, hasFeature, limitOf, type EntitlementOptions, type Entitlements } from './merge.js';
