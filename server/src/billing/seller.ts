import { validateTaxContext, type TaxSeller } from '@abona/core';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { settings } from '../db/schema.js';

/** Who sells: printed on invoices and deciding where tax is collected. */
export interface SellerSettings {
  name: string;
  email?: string;
  address: { line1?: string; city?: string; postalCode?: string; country: string; state?: string };
  tax: TaxSeller;
  /** Currency used when nothing else decides (no price in the customer's currency). */
  defaultCurrency: string;
}

/**
 * The seller when nothing was configured: the demo vendor, a Romanian company registered for
 * VAT at home and for the EU One-Stop Shop, so it collects VAT at the customer's rate across the
 * EU and reverse-charges EU businesses with a valid VAT number.
 */
export const defaultSeller: SellerSettings = {
  name: 'Abona Demo SRL',
  email: 'billing@abona.example',
  address: { line1: 'Strada Exemplu 1', city: 'Cluj-Napoca', postalCode: '400001', country: 'RO' },
  tax: {
    country: 'RO',
    registrations: [
      { country: 'RO', taxId: 'RO18547290' },
      { country: 'RO', type: 'oss', taxId: 'RO18547290' },
    ],
  },
  defaultCurrency: 'EUR',
};

const SELLER_KEY = 'seller';

/** The seller of one mode: the stored settings, or {@link defaultSeller}. */
export async function loadSeller(db: Executor, livemode: boolean): Promise<SellerSettings> {
  const [row] = await db
    .select()
    .from(settings)
    .where(and(eq(settings.livemode, livemode), eq(settings.key, SELLER_KEY)));
  return row ? (row.value as SellerSettings) : defaultSeller;
}

/** Stores the seller of one mode after checking its tax part with the engine's own validation. */
export async function saveSeller(db: Executor, livemode: boolean, seller: SellerSettings, nowMs: number): Promise<SellerSettings> {
  // A dummy customer at home: only the seller half is being checked here.
  const checked = validateTaxContext({ seller: seller.tax, customer: { country: seller.tax.country, business: false } });
  const value: SellerSettings = { ...seller, tax: checked.seller };
  await db
    .insert(settings)
    .values({ livemode, key: SELLER_KEY, value, updatedAt: nowMs })
    .onConflictDoUpdate({ target: [settings.livemode, settings.key], set: { value, updatedAt: nowMs } });
  return value;
}
