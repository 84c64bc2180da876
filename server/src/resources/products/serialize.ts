import type { Product } from '@abona/api';
import { toIso } from '@abona/core';
import type { ProductRow } from '../../db/schema.js';

/** A product row as the API shows it. */
export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    object: 'product',
    active: row.active,
    name: row.name,
    description: row.description,
    group: row.productGroup,
    rank: row.rank,
    marketing_features: row.marketingFeatures,
    entitlements: row.entitlements,
    tax_code: row.taxCode,
    lookup_key: row.lookupKey,
    metadata: row.metadata,
    livemode: row.livemode,
    created: toIso(row.createdAt),
    updated: toIso(row.updatedAt),
  };
}
