import { sql } from 'drizzle-orm';
import { createServices } from '../../src/services.js';
import { setupBilling, type Json } from '../checkout/helpers.js';

export type { Json };
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/** The billing harness plus the app's services on the same database, clock and ids (the sandbox lives in the database). */
export async function setupLifecycle() {
  const h = await setupBilling();
  const services = createServices({ db: h.db, clock: h.clock, ids: h.ids });
  return { ...h, services };
}
export type LifecycleHarness = Awaited<ReturnType<typeof setupLifecycle>>;

export async function customerWith(h: LifecycleHarness, token?: string, body: Record<string, unknown> = {}): Promise<{ customer: string; pm: string | null }> {
  const customer = await h.json<Json>('POST', '/v1/customers', { body: { email: 'ana@example.ro', name: 'Ana', address: { country: 'RO' }, ...body } });
  if (!token) return { customer: customer.id, pm: null };
  const pm = await h.json<Json>('POST', `/v1/customers/${customer.id}/payment_methods`, { body: { token } });
  return { customer: customer.id, pm: pm.id };
}

export async function subscribe(h: LifecycleHarness, customer: string, price: string, extra: Record<string, unknown> = {}): Promise<Json> {
  return h.json<Json>('POST', '/v1/subscriptions', { body: { customer, items: [{ price }], ...extra } });
}

export async function countRows(h: LifecycleHarness, table: string, where = '1=1'): Promise<number> {
  const rows = (await h.db.all(sql.raw(`select count(*) as n from ${table} where ${where}`))) as { n: number }[];
  return Number(rows[0]?.n ?? 0);
}

export async function invoicesOf(h: LifecycleHarness, subscription: string): Promise<Json[]> {
  const list = await h.json<{ data: Json[] }>('GET', `/v1/invoices?subscription=${subscription}&limit=100`);
  return list.data;
}

export const iso = (ms: number) => new Date(ms).toISOString();
