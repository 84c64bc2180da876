import type { Gateways } from '../billing/gateways.js';
import { loadSeller, type SellerSettings } from '../billing/seller.js';
import type { Db, Executor } from '../db/client.js';
import type { IdGenerator } from '../ids/index.js';
import type { Mailer } from '../mailer/types.js';
import { loadBillingSettings, type BillingSettings } from '../resources/settings/billing.js';
import { inArray } from 'drizzle-orm';
import { products } from '../db/schema.js';

/** What every lifecycle step needs: the database, the gateways of each mode, ids and the mailer. */
export interface LifecycleDeps {
  db: Db;
  gateways: Gateways;
  ids: IdGenerator;
  mailer: Mailer;
}

/**
 * Values read once per run instead of once per subscription: the seller, the billing settings
 * and product names. A run is short, so a settings change applies from the next run on.
 */
export interface RunCache {
  seller(ex: Executor, livemode: boolean): Promise<SellerSettings>;
  settings(ex: Executor, livemode: boolean): Promise<BillingSettings>;
  /** Names (and groups) of products by id, loading the missing ones. */
  products(ex: Executor, ids: readonly string[]): Promise<Map<string, { name: string; group: string | null; rank: number | null }>>;
  /** Gateway customer references by `gateway:mode:customer` (stored once, never changed). */
  gatewayRefs: Map<string, string>;
}

export function createRunCache(): RunCache {
  const sellers = new Map<boolean, SellerSettings>();
  const billing = new Map<boolean, BillingSettings>();
  const known = new Map<string, { name: string; group: string | null; rank: number | null }>();
  return {
    async seller(ex, livemode) {
      let seller = sellers.get(livemode);
      if (!seller) sellers.set(livemode, (seller = await loadSeller(ex, livemode)));
      return seller;
    },
    async settings(ex, livemode) {
      let value = billing.get(livemode);
      if (!value) billing.set(livemode, (value = await loadBillingSettings(ex, livemode)));
      return value;
    },
    async products(ex, ids) {
      const missing = ids.filter((id) => !known.has(id));
      if (missing.length > 0) {
        const rows = await ex
          .select({ id: products.id, name: products.name, group: products.productGroup, rank: products.rank })
          .from(products)
          .where(inArray(products.id, [...new Set(missing)]));
        for (const row of rows) known.set(row.id, { name: row.name, group: row.group, rank: row.rank });
      }
      return known;
    },
    gatewayRefs: new Map(),
  };
}

/** A fresh cache for one business operation (API requests read the current settings). */
export const freshCache = createRunCache;

/** How long a claimed step may take before another runner may take it over (business time). */
export const LEASE_MS = 10 * 60 * 1000;
/** Metered subscriptions renew this long after the period end, so late usage events still count. */
export const USAGE_GRACE_MS = 60 * 60 * 1000;
/** The trial-ending email goes out this long before the trial ends. */
export const TRIAL_REMINDER_MS = 3 * 86_400_000;
/** The upcoming-renewal email goes out this long before a renewal of a period longer than a month. */
export const RENEWAL_REMINDER_MS = 7 * 86_400_000;
/** Periods longer than this get an upcoming-renewal email (yearly plans; monthly ones would be noise). */
export const RENEWAL_REMINDER_MIN_PERIOD_MS = 32 * 86_400_000;
/** An incomplete subscription's first invoice may be paid for this long (Stripe: 23 hours). */
export const INCOMPLETE_WINDOW_MS = 23 * 3_600_000;
