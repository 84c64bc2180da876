/**
 * A customer's entitlements: the features and limits of the products of their active, trialing
 * and past-due subscriptions, merged by the engine (`entitlementsFor`), with where each came from.
 */
import * as z from 'zod/mini';
import { Id } from './common/schemas.js';
import { subscriptionStatusValues } from './billing/resources.js';

/** One merged feature or limit: `{ key: 'seats', name: 'Seats', value: 10 }`. */
export const CustomerEntitlement = z.strictObject({
  object: z.literal('entitlement'),
  key: z.string(),
  name: z.string(),
  value: z.union([z.boolean(), z.number(), z.string()]),
  unit: z.optional(z.string()),
});
export type CustomerEntitlement = z.infer<typeof CustomerEntitlement>;

/** A product of a subscription that contributed, and the keys it grants. */
export const EntitlementSource = z.strictObject({
  subscription: Id,
  status: z.enum(subscriptionStatusValues),
  product: Id,
  keys: z.array(z.string()),
});
export type EntitlementSource = z.infer<typeof EntitlementSource>;

/** `GET /v1/customers/:id/entitlements` and `GET /v1/portal/entitlements`. */
export const CustomerEntitlementList = z.strictObject({
  object: z.literal('list'),
  data: z.array(CustomerEntitlement),
  has_more: z.literal(false),
  url: z.string(),
  customer: Id,
  sources: z.array(EntitlementSource),
});
export type CustomerEntitlementList = z.infer<typeof CustomerEntitlementList>;
