import {
  BillingSettings,
  BillingSettingsParams,
  Coupon,
  CouponCreateParams,
  CouponListParams,
  CouponUpdateParams,
  Customer,
  CustomerCreateParams,
  CustomerListParams,
  CustomerUpdateParams,
  deletedOf,
  InvoicePreview,
  InvoicePreviewParams,
  listOf,
  Price,
  PriceCreateParams,
  PriceListParams,
  PriceUpdateParams,
  Pricing,
  PricingQuery,
  Product,
  ProductCreateParams,
  ProductListParams,
  ProductUpdateParams,
  PromotionCode,
  PromotionCodeCreateParams,
  PromotionCodeListParams,
  PromotionCodeUpdateParams,
  SellerSettings,
  SellerSettingsParams,
} from '@abona/api';
import * as z from 'zod/mini';
import { registerRoutes, type RouteSpec } from './registry.js';

/** Schemas of routes whose answer is not (yet) in `@abona/api`. */
const Health = z.strictObject({ status: z.literal('ok'), time: z.string() });
const OpenApiDocument = z.record(z.string(), z.unknown());

/** A resource's five Stripe-shaped routes: create, list, retrieve, update, and (when given) delete. */
function crud(
  base: string,
  tag: string,
  object: string,
  schemas: {
    item: z.core.$ZodType;
    create: z.core.$ZodType;
    update: z.core.$ZodType;
    list: z.core.$ZodType;
    deletable: boolean;
  },
  publicReads = false,
): RouteSpec[] {
  const read = publicReads ? 'publishable' : 'secret';
  const specs: RouteSpec[] = [
    {
      method: 'POST',
      path: base,
      summary: `Create a ${object}`,
      tag,
      auth: 'secret',
      body: schemas.create,
      response: schemas.item,
    },
    {
      method: 'GET',
      path: base,
      summary: `List ${object}s`,
      tag,
      auth: read,
      query: schemas.list,
      response: listOf(schemas.item),
    },
    {
      method: 'GET',
      path: `${base}/:id`,
      summary: `Retrieve a ${object}`,
      tag,
      auth: read,
      response: schemas.item,
    },
    {
      method: 'POST',
      path: `${base}/:id`,
      summary: `Update a ${object}`,
      tag,
      auth: 'secret',
      body: schemas.update,
      response: schemas.item,
    },
  ];
  if (schemas.deletable)
    specs.push({
      method: 'DELETE',
      path: `${base}/:id`,
      summary: `Delete a ${object}`,
      tag,
      auth: 'secret',
      response: deletedOf(object),
    });
  return specs;
}

/**
 * The routes of this server, described with their `@abona/api` schemas. Adding a resource?
 * Add one `registerRoutes(...)` line here (or next to its routes) with its schemas.
 */
export function registerCoreRoutes(): void {
  registerRoutes(
    { method: 'GET', path: '/health', summary: 'Liveness', tag: 'Meta', auth: 'none', response: Health },
    {
      method: 'GET',
      path: '/v1/openapi.json',
      summary: 'This document',
      tag: 'Meta',
      auth: 'none',
      response: OpenApiDocument,
    },
    ...crud(
      '/v1/products',
      'Catalog',
      'product',
      {
        item: Product,
        create: ProductCreateParams,
        update: ProductUpdateParams,
        list: ProductListParams,
        deletable: true,
      },
      true,
    ),
    ...crud(
      '/v1/prices',
      'Catalog',
      'price',
      {
        item: Price,
        create: PriceCreateParams,
        update: PriceUpdateParams,
        list: PriceListParams,
        deletable: false,
      },
      true,
    ),
    ...crud('/v1/coupons', 'Catalog', 'coupon', {
      item: Coupon,
      create: CouponCreateParams,
      update: CouponUpdateParams,
      list: CouponListParams,
      deletable: true,
    }),
    ...crud('/v1/promotion_codes', 'Catalog', 'promotion_code', {
      item: PromotionCode,
      create: PromotionCodeCreateParams,
      update: PromotionCodeUpdateParams,
      list: PromotionCodeListParams,
      deletable: false,
    }),
    ...crud('/v1/customers', 'Customers', 'customer', {
      item: Customer,
      create: CustomerCreateParams,
      update: CustomerUpdateParams,
      list: CustomerListParams,
      deletable: true,
    }),
    {
      method: 'GET',
      path: '/v1/pricing',
      summary: 'Prices of the pricing table, resolved for the visitor',
      tag: 'Pricing',
      auth: 'publishable',
      query: PricingQuery,
      response: Pricing,
    },
    {
      method: 'POST',
      path: '/v1/invoices/preview',
      summary: 'Preview the invoice a purchase or plan change would bill',
      tag: 'Billing',
      auth: 'secret',
      body: InvoicePreviewParams,
      response: InvoicePreview,
    },
    {
      method: 'GET',
      path: '/v1/settings/seller',
      summary: 'The seller and its tax registrations',
      tag: 'Settings',
      auth: 'secret',
      response: SellerSettings,
    },
    {
      method: 'POST',
      path: '/v1/settings/seller',
      summary: 'Change the seller',
      tag: 'Settings',
      auth: 'secret',
      body: SellerSettingsParams,
      response: SellerSettings,
    },
    {
      method: 'GET',
      path: '/v1/settings/billing',
      summary: 'Plan changes, dunning and portal settings',
      tag: 'Settings',
      auth: 'secret',
      response: BillingSettings,
    },
    {
      method: 'POST',
      path: '/v1/settings/billing',
      summary: 'Change billing settings',
      tag: 'Settings',
      auth: 'secret',
      body: BillingSettingsParams,
      response: BillingSettings,
    },
  );
}
