import type { PriceCreateParams, PriceListParams, PriceUpdateParams } from '@abona/api';
import type { Clock } from '../../clock/index.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { PriceRow } from '../../db/schema.js';
import { InvalidRequest, NotFound } from '../../errors/index.js';
import { pageRequest, type Page } from '../../http/pagination.js';
import type { IdGenerator } from '../../ids/index.js';
import { mergeMetadata } from '../products/service.js';
import type { ProductRepository } from '../products/repository.js';
import { normalizeCurrency, priceDefinition } from './definition.js';
import type { PriceRepository } from './repository.js';
import { toCorePrice, validateWithCore } from './to-core.js';

export interface PriceServiceDeps {
  prices: PriceRepository;
  products: ProductRepository;
  clock: Clock;
  ids: IdGenerator;
}

function lookupKeyTaken(lookupKey: string): InvalidRequest {
  return new InvalidRequest(
    `A price with lookup_key '${lookupKey}' already exists; pass transfer_lookup_key=true to move it`,
    'lookup_key',
    'resource_already_exists',
  );
}

/** Prices: created once, never re-priced; only labels, lookup key and `active` change later. */
export function priceService(deps: PriceServiceDeps) {
  const { prices, products, clock, ids } = deps;

  async function get(livemode: boolean, id: string): Promise<PriceRow> {
    const row = await prices.find(livemode, id);
    if (!row) throw new NotFound('price', id);
    return row;
  }

  return {
    retrieve: get,

    async create(livemode: boolean, params: PriceCreateParams): Promise<PriceRow> {
      const definition = priceDefinition(params);
      const product = await products.find(livemode, params.product);
      if (!product) throw new InvalidRequest(`No such product: '${params.product}'`, 'product', 'resource_missing');
      const nowMs = clock.now();
      const row: PriceRow = {
        id: ids.next('price'),
        livemode,
        createdAt: nowMs,
        updatedAt: nowMs,
        productId: product.id,
        active: params.active ?? true,
        ...definition,
        lookupKey: params.lookup_key ?? null,
        nickname: params.nickname ?? null,
        metadata: params.metadata ?? {},
        usedAt: null,
      };
      // Every currency must be a price the engine can bill.
      validateWithCore(toCorePrice(row));
      for (const currency of Object.keys(row.currencyOptions)) validateWithCore(toCorePrice(row, currency));
      try {
        return await prices.insert(row, params.transfer_lookup_key === true);
      } catch (error) {
        if (isUniqueViolation(error) && params.lookup_key) throw lookupKeyTaken(params.lookup_key);
        throw error;
      }
    },

    async update(livemode: boolean, id: string, params: PriceUpdateParams): Promise<PriceRow> {
      const current = await get(livemode, id);
      const patch: Partial<PriceRow> = { updatedAt: clock.now() };
      if (params.active !== undefined) patch.active = params.active;
      if (params.nickname !== undefined) patch.nickname = params.nickname;
      if (params.lookup_key !== undefined) patch.lookupKey = params.lookup_key;
      if (params.metadata !== undefined) patch.metadata = mergeMetadata(current.metadata, params.metadata);
      if (params.tax_behavior !== undefined && params.tax_behavior !== current.taxBehavior) {
        // Changing tax behavior changes what customers pay, so a used price keeps its own,
        // except that an unspecified one may be settled once (as Stripe allows).
        if (current.usedAt !== null && current.taxBehavior !== 'unspecified') {
          throw new InvalidRequest('This price is in use; its tax_behavior can no longer change. Create a new price.', 'tax_behavior', 'price_in_use');
        }
        patch.taxBehavior = params.tax_behavior;
      }
      try {
        const row = await prices.update(livemode, id, patch, params.transfer_lookup_key === true);
        if (!row) throw new NotFound('price', id);
        return row;
      } catch (error) {
        if (isUniqueViolation(error) && params.lookup_key) throw lookupKeyTaken(params.lookup_key);
        throw error;
      }
    },

    list(livemode: boolean, params: PriceListParams): Promise<Page<PriceRow>> {
      return prices.list(
        livemode,
        {
          active: params.active,
          productId: params.product,
          currency: params.currency === undefined ? undefined : normalizeCurrency(params.currency, 'currency'),
          type: params.type,
          lookupKeys: params.lookup_keys,
        },
        pageRequest(params),
      );
    },
  };
}
export type PriceService = ReturnType<typeof priceService>;
