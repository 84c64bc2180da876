import type { CustomerEntitlementList } from '@abona/api';
import type { CustomerEntitlements } from './service.js';

/** The entitlements list; `url` is where it was read (secret-key or portal route). */
export function toEntitlementList(view: CustomerEntitlements, url: string): CustomerEntitlementList {
  return {
    object: 'list',
    data: view.entitlements.map((e) => ({
      object: 'entitlement',
      key: e.key,
      name: e.name,
      value: e.value,
      ...(e.unit === undefined ? {} : { unit: e.unit }),
    })),
    has_more: false,
    url,
    customer: view.customerId,
    sources: view.sources.map((source) => ({
      subscription: source.subscriptionId,
      status: source.status,
      product: source.productId,
      keys: source.keys,
    })),
  };
}
