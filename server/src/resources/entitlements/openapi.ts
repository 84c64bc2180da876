import { CustomerEntitlementList } from '@abona/api';
import type { RouteSpec } from '../../openapi/registry.js';

export const entitlementSpecs: RouteSpec[] = [
  {
    method: 'GET',
    path: '/v1/customers/:id/entitlements',
    summary: "A customer's features and limits, from their active subscriptions",
    tag: 'Customers',
    auth: 'secret',
    response: CustomerEntitlementList,
  },
];
