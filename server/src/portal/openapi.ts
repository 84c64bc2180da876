import {
  CustomerEntitlementList,
  PortalConfig,
  PortalCustomer,
  PortalCustomerUpdateParams,
  PortalListParams,
  PortalToken,
  PortalTokenParams,
} from '@abona/api';
import * as z from 'zod/mini';
import type { RouteSpec } from '../openapi/registry.js';

const tag = 'Portal';
/** Portal routes take `Authorization: Bearer <portal token>`, which is neither API key kind. */
const auth = 'none' as const;
const Revoked = z.strictObject({ object: z.literal('portal_token'), revoked: z.literal(true) });

/**
 * The `/v1/portal` routes in the OpenAPI document. Subscriptions, invoices and payment methods
 * answer the secret API's shapes without `metadata`; those shapes are TypeScript types in
 * `@abona/api`, so their answers are not described here yet.
 */
export const portalSpecs: RouteSpec[] = [
  {
    method: 'POST',
    path: '/v1/portal/token',
    summary: 'Exchange a portal code (once) for a customer token',
    tag,
    auth,
    body: PortalTokenParams,
    response: PortalToken,
  },
  {
    method: 'POST',
    path: '/v1/portal/logout',
    summary: 'Revoke this portal token',
    tag,
    auth,
    response: Revoked,
  },
  {
    method: 'GET',
    path: '/v1/portal/customer',
    summary: 'The billing details of the customer',
    tag,
    auth,
    response: PortalCustomer,
  },
  {
    method: 'POST',
    path: '/v1/portal/customer',
    summary: 'Edit billing details',
    tag,
    auth,
    body: PortalCustomerUpdateParams,
    response: PortalCustomer,
  },
  {
    method: 'GET',
    path: '/v1/portal/subscriptions',
    summary: "The customer's subscriptions",
    tag,
    auth,
    query: PortalListParams,
  },
  { method: 'GET', path: '/v1/portal/subscriptions/:id', summary: 'One of their subscriptions', tag, auth },
  {
    method: 'GET',
    path: '/v1/portal/invoices',
    summary: "The customer's finalized invoices",
    tag,
    auth,
    query: PortalListParams,
  },
  { method: 'GET', path: '/v1/portal/invoices/:id', summary: 'One of their invoices, with lines', tag, auth },
  {
    method: 'GET',
    path: '/v1/portal/payment_methods',
    summary: "The customer's saved payment methods",
    tag,
    auth,
  },
  {
    method: 'GET',
    path: '/v1/portal/entitlements',
    summary: "The customer's features and limits",
    tag,
    auth,
    response: CustomerEntitlementList,
  },
  {
    method: 'GET',
    path: '/v1/portal/config',
    summary: 'What this portal may offer',
    tag,
    auth,
    response: PortalConfig,
  },
];
