import type * as z from 'zod/mini';
import type { Coupon, CouponCreateParams, CouponListParams, CouponUpdateParams } from '../coupons/schemas.js';
import type { Customer, CustomerCreateParams, CustomerListParams, CustomerUpdateParams } from '../customers/schemas.js';
import type { Deleted, List } from '../list/list.js';
import type { Price, PriceCreateParams, PriceListParams, PriceUpdateParams } from '../prices/schemas.js';
import type { Product, ProductCreateParams, ProductListParams, ProductUpdateParams } from '../products/schemas.js';
import type {
  PromotionCode,
  PromotionCodeCreateParams,
  PromotionCodeListParams,
  PromotionCodeUpdateParams,
} from '../promotion-codes/schemas.js';
import { createTransport, toQuery, type FetchLike, type RequestOptions, type Transport } from './http.js';

export interface ClientOptions {
  /** The server's API root, e.g. `https://billing.example.com` (the `/v1` prefix is added). */
  apiBase: string;
  /** A publishable key in the browser, a secret key on the vendor's backend. */
  key: string;
  /** Defaults to the global `fetch`. */
  fetch?: FetchLike;
}

/** Create/retrieve/update/list (and sometimes delete) over one `/v1/<path>` collection. */
export interface Resource<T, Create, Update, ListQuery> {
  create(params: Create, options?: RequestOptions): Promise<T>;
  retrieve(id: string, options?: RequestOptions): Promise<T>;
  update(id: string, params: Update, options?: RequestOptions): Promise<T>;
  list(params?: ListQuery, options?: RequestOptions): Promise<List<T>>;
}
export interface DeletableResource<T, Create, Update, ListQuery, O extends string> extends Resource<T, Create, Update, ListQuery> {
  del(id: string, options?: RequestOptions): Promise<Deleted<O>>;
}

function resource<T, Create, Update, ListQuery>(transport: Transport, path: string): Resource<T, Create, Update, ListQuery> {
  const one = (id: string) => `/v1/${path}/${encodeURIComponent(id)}`;
  return {
    create: (params, options) => transport.request<T>('POST', `/v1/${path}`, params, options),
    retrieve: (id, options) => transport.request<T>('GET', one(id), undefined, options),
    update: (id, params, options) => transport.request<T>('POST', one(id), params, options),
    list: (params, options) =>
      transport.request<List<T>>('GET', `/v1/${path}${toQuery(params as Record<string, string | number | boolean | string[] | undefined>)}`, undefined, options),
  };
}

function deletable<T, Create, Update, ListQuery, O extends string>(
  transport: Transport,
  path: string,
): DeletableResource<T, Create, Update, ListQuery, O> {
  return {
    ...resource<T, Create, Update, ListQuery>(transport, path),
    del: (id, options) => transport.request<Deleted<O>>('DELETE', `/v1/${path}/${encodeURIComponent(id)}`, undefined, options),
  };
}

type In<S extends z.core.$ZodType> = z.input<S>;

export interface AbonaClient {
  products: DeletableResource<Product, In<typeof ProductCreateParams>, In<typeof ProductUpdateParams>, In<typeof ProductListParams>, 'product'>;
  prices: Resource<Price, In<typeof PriceCreateParams>, In<typeof PriceUpdateParams>, In<typeof PriceListParams>>;
  coupons: DeletableResource<Coupon, In<typeof CouponCreateParams>, In<typeof CouponUpdateParams>, In<typeof CouponListParams>, 'coupon'>;
  promotionCodes: Resource<
    PromotionCode,
    In<typeof PromotionCodeCreateParams>,
    In<typeof PromotionCodeUpdateParams>,
    In<typeof PromotionCodeListParams>
  >;
  customers: DeletableResource<Customer, In<typeof CustomerCreateParams>, In<typeof CustomerUpdateParams>, In<typeof CustomerListParams>, 'customer'>;
  /** Any other call, for endpoints newer than this client. */
  request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, options?: RequestOptions): Promise<T>;
}

/**
 * A typed client for the Abona API. Browser-safe: only `fetch`, no Node imports.
 * Every failure rejects with an `AbonaError` carrying `status`, `type`, `code` and `param`.
 *
 * @example
 * const abona = createClient({ apiBase: 'http://localhost:8787', key: 'sk_test_abona_demo' });
 * const { data } = await abona.prices.list({ lookup_keys: ['pro_monthly'] });
 */
export function createClient(options: ClientOptions): AbonaClient {
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const transport = createTransport(options.apiBase, options.key, fetchImpl);
  return {
    products: deletable(transport, 'products'),
    prices: resource(transport, 'prices'),
    coupons: deletable(transport, 'coupons'),
    promotionCodes: resource(transport, 'promotion_codes'),
    customers: deletable(transport, 'customers'),
    request: (method, path, body, requestOptions) => transport.request(method, path, body, requestOptions),
  };
}
