import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { unbalancedJournals } from '../../src/ledger/post.js';
import { setup, type Harness } from '../helpers.js';

export const CARD_OK = { number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' };
export const CARD_DECLINED = { ...CARD_OK, number: '4000000000000002' };
export const CARD_NO_FUNDS = { ...CARD_OK, number: '4000000000009995' };
export const CARD_3DS = { ...CARD_OK, number: '4000002500003155' };

export const RO_CONSUMER = { name: 'Ana Pop', address: { country: 'RO', city: 'Cluj-Napoca', postal_code: '400001', line1: 'Str. Lungă 1' } };

/** 2026-01-15T12:00:00Z */
export const NOW_MS = Date.UTC(2026, 0, 15, 12);

export interface Catalog {
  product: string;
  monthly: string;
  trial: string;
  yearly: string;
  setupFee: string;
}

export type Json = Record<string, unknown> & { id: string };

/** A fresh app plus a small EUR catalog (Pro €29/month, a 14-day-trial plan, a yearly plan, a one-time fee) and DEMO20. */
export async function setupBilling(): Promise<Harness & { catalog: Catalog }> {
  const h = await setup();
  // Romania's standard VAT is 21 % from 2025-08-01 (19 % before).
  h.clock.set(NOW_MS);
  const product = await h.json<Json>('POST', '/v1/products', { body: { name: 'Pro' } });
  const price = (body: Record<string, unknown>) => h.json<Json>('POST', '/v1/prices', { body: { product: product.id, currency: 'EUR', tax_behavior: 'exclusive', ...body } });
  const monthly = await price({ unit_amount: 2900, recurring: { interval: 'month' } });
  const trial = await price({ unit_amount: 2900, recurring: { interval: 'month' }, trial_period_days: 14 });
  const yearly = await price({ unit_amount: 29000, recurring: { interval: 'year' } });
  const setupFee = await price({ unit_amount: 5000 });
  const coupon = await h.json<Json>('POST', '/v1/coupons', { body: { percent_off: 20, duration: 'forever', name: 'Demo 20 %' } });
  await h.json('POST', '/v1/promotion_codes', { body: { coupon: coupon.id, code: 'DEMO20' } });
  return { ...h, catalog: { product: product.id, monthly: monthly.id, trial: trial.id, yearly: yearly.id, setupFee: setupFee.id } };
}

/** Rows per table, to prove a failed checkout left nothing behind. */
export async function counts(h: Harness): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['customers', 'subscriptions', 'invoices', 'invoice_lines', 'payment_methods', 'payments', 'ledger_entries', 'customer_tax_ids']) {
    const rows = (await h.db.all(sql.raw(`select count(*) as n from ${table}`))) as { n: number }[];
    out[table] = Number(rows[0]?.n ?? 0);
  }
  return out;
}

/** Every journal sums to zero per currency, in both modes. */
export async function expectLedgerBalanced(h: Harness): Promise<void> {
  expect(await unbalancedJournals(h.db, false)).toEqual([]);
  expect(await unbalancedJournals(h.db, true)).toEqual([]);
}

/** Creates a session for `price` with the Romanian consumer and returns it. */
export async function createSession(h: Harness, body: Record<string, unknown>, key?: string): Promise<Json> {
  return h.json<Json>('POST', '/v1/checkout_sessions', { key, body: { email: 'ana@example.ro', customer_details: RO_CONSUMER, ...body } });
}
