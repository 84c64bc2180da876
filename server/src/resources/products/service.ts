import type { ProductCreateParams, ProductListParams, ProductUpdateParams } from '@abona/api';
import type { Clock } from '../../clock/index.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { ProductRow } from '../../db/schema.js';
import { Conflict, InvalidRequest, NotFound } from '../../errors/index.js';
import { pageRequest, type Page } from '../../http/pagination.js';
import type { IdGenerator } from '../../ids/index.js';
import type { PriceRepository } from '../prices/repository.js';
import type { ProductRepository } from './repository.js';

export interface ProductServiceDeps {
  products: ProductRepository;
  prices: PriceRepository;
  clock: Clock;
  ids: IdGenerator;
}

function lookupKeyTaken(lookupKey: string): InvalidRequest {
  return new InvalidRequest(`A product with lookup_key '${lookupKey}' already exists`, 'lookup_key', 'resource_already_exists');
}

/** Products: create, read, change, list, and delete while no price uses them. */
export function productService(deps: ProductServiceDeps) {
  const { products, prices, clock, ids } = deps;

  async function get(livemode: boolean, id: string): Promise<ProductRow> {
    const row = await products.find(livemode, id);
    if (!row) throw new NotFound('product', id);
    return row;
  }

  return {
    retrieve: get,

    async create(livemode: boolean, params: ProductCreateParams): Promise<ProductRow> {
      const nowMs = clock.now();
      try {
        return await products.insert({
          id: ids.next('prod'),
          livemode,
          createdAt: nowMs,
          updatedAt: nowMs,
          active: params.active ?? true,
          name: params.name,
          description: params.description ?? null,
          productGroup: params.group ?? null,
          rank: params.rank ?? null,
          marketingFeatures: params.marketing_features ?? [],
          entitlements: params.entitlements ?? [],
          taxCode: params.tax_code ?? null,
          lookupKey: params.lookup_key ?? null,
          metadata: params.metadata ?? {},
        });
      } catch (error) {
        if (isUniqueViolation(error) && params.lookup_key) throw lookupKeyTaken(params.lookup_key);
        throw error;
      }
    },

    async update(livemode: boolean, id: string, params: ProductUpdateParams): Promise<ProductRow> {
      const current = await get(livemode, id);
      const patch: Partial<ProductRow> = { updatedAt: clock.now() };
      if (params.name !== undefined) patch.name = params.name;
      if (params.description !== undefined) patch.description = params.description;
      if (params.active !== undefined) patch.active = params.active;
      if (params.group !== undefined) patch.productGroup = params.group;
      if (params.rank !== undefined) patch.rank = params.rank;
      if (params.marketing_features !== undefined) patch.marketingFeatures = params.marketing_features;
      if (params.entitlements !== undefined) patch.entitlements = params.entitlements;
      if (params.tax_code !== undefined) patch.taxCode = params.tax_code;
      if (params.lookup_key !== undefined) patch.lookupKey = params.lookup_key;
      // Stripe merges metadata; an empty string value removes a key.
      if (params.metadata !== undefined) patch.metadata = mergeMetadata(current.metadata, params.metadata);
      try {
        const row = await products.update(livemode, id, patch);
        if (!row) throw new NotFound('product', id);
        return row;
      } catch (error) {
        if (isUniqueViolation(error) && params.lookup_key) throw lookupKeyTaken(params.lookup_key);
        throw error;
      }
    },

    list(livemode: boolean, params: ProductListParams): Promise<Page<ProductRow>> {
      return products.list(livemode, { active: params.active, group: params.group, lookupKey: params.lookup_key }, pageRequest(params));
    },

    /** Only a product without prices can go; archive it (`active: false`) otherwise. */
    async remove(livemode: boolean, id: string): Promise<void> {
      await get(livemode, id);
      if (await prices.existsForProduct(livemode, id)) {
        throw new Conflict('This product has prices; archive it with active=false instead', 'product_has_prices');
      }
      await products.remove(livemode, id);
    },
  };
}
export type ProductService = ReturnType<typeof productService>;

/** Stripe's metadata update: keys are merged, an empty value deletes the key. */
export function mergeMetadata(current: Record<string, string>, patch: Record<string, string>): Record<string, string> {
  const merged = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === '') delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
