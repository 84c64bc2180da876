import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { customerTaxIds } from '../../src/db/schema.js';
import { silentLogger } from '../../src/http/log.js';
import { startScheduler, type Scheduler } from '../../src/lifecycle/scheduler.js';
import { createServices } from '../../src/services.js';
import { recheckTaxIds, viesVerifier } from '../../src/tax-ids/index.js';
import { CARD_OK, NOW_MS, setupBilling, type Json } from '../checkout/helpers.js';
import { PK_TEST } from '../helpers.js';
import { startViesStandIn, type ViesStandIn } from './vies-standin.js';

const VAT_ID = 'DE136695976';
const GERMAN_BUSINESS = { business: true, business_name: 'Muster GmbH', address: { country: 'DE', city: 'Berlin' }, tax_id: { type: 'eu_vat', value: VAT_ID } };
/** Far longer than any checkout may take: were checkout waiting on VIES, the test would see it. */
const VIES_TIMEOUT_MS = 30_000;

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function checkout(h: Awaited<ReturnType<typeof setupBilling>>, price: string): Promise<{ done: Json; elapsedMs: number }> {
  const started = performance.now();
  const session = await h.json<Json>('POST', '/v1/checkout_sessions', { key: PK_TEST, body: { email: 'buyer@muster.de', line_items: [{ price }], customer_details: GERMAN_BUSINESS } });
  const done = await h.json<Json>('POST', `/v1/checkout_sessions/${session.id}/confirm`, { key: PK_TEST, body: { payment_method: { card: CARD_OK } } });
  return { done, elapsedMs: performance.now() - started };
}

describe('checkout never waits for VIES', () => {
  it('completes with reverse charge while VIES hangs on the very id; a later "invalid" taxes future invoices', async () => {
    const h = await setupBilling();
    const vies: ViesStandIn = await startViesStandIn({ [VAT_ID]: 'hang' });
    cleanup.push(async () => h.close());
    const verifier = viesVerifier({ baseUrl: vies.baseUrl, timeoutMs: VIES_TIMEOUT_MS });
    const services = createServices({ db: h.db, clock: h.clock, ids: h.ids });
    const scheduler: Scheduler = startScheduler({
      ...services.lifecycle.deps,
      clock: h.clock,
      log: silentLogger,
      intervalMs: 20,
      recheckTaxIds: (atMs) => recheckTaxIds(h.db, verifier, { nowMs: atMs, timeoutMs: VIES_TIMEOUT_MS }),
    });
    cleanup.push(() => scheduler.stop());
    // Runs first: closing the stand-in ends the hanging call, so stop() returns at once.
    cleanup.push(() => vies.close());

    // First checkout: a new customer with a pending VAT id, reverse charged (valid by its check digits).
    const first = await checkout(h, h.catalog.monthly);
    expect(first.done).toMatchObject({ status: 'complete' });
    const firstInvoice = await h.json<Json>('GET', `/v1/invoices/${String(first.done.invoice)}`);
    expect(firstInvoice).toMatchObject({ tax: 0, total: 2900, reverse_charge: true });
    const customer = String(first.done.customer);

    // The scheduler now asks VIES about the id, and VIES hangs.
    while (vies.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    expect(vies.requests).toEqual([{ countryCode: 'DE', vatNumber: '136695976' }]);

    // Second checkout by the same customer with the same id, while that VIES call is in flight.
    const second = await checkout(h, h.catalog.setupFee);
    expect(second.done).toMatchObject({ status: 'complete', customer });
    expect(second.elapsedMs).toBeLessThan(VIES_TIMEOUT_MS / 3);
    const secondInvoice = await h.json<Json>('GET', `/v1/invoices/${String(second.done.invoice)}`);
    expect(secondInvoice).toMatchObject({ tax: 0, total: 5000, reverse_charge: true });
    // Still one VIES call, still unanswered: nothing in the checkout path asked.
    expect(vies.requests).toHaveLength(1);
    const [pending] = await h.db.select().from(customerTaxIds).where(eq(customerTaxIds.customerId, customer));
    expect(pending).toMatchObject({ verificationStatus: 'pending', value: VAT_ID });

    // While pending, the next invoice is reverse charged too.
    const preview = (body: Record<string, unknown>) => h.json<Json>('POST', '/v1/invoices/preview', { body });
    expect(await preview({ customer, items: [{ price: h.catalog.monthly }] })).toMatchObject({ tax: 0, reverse_charge: true });

    // VIES comes back and says the number is not registered.
    await vies.close();
    await scheduler.stop();
    const later = await startViesStandIn({ [VAT_ID]: 'invalid' });
    cleanup.push(() => later.close());
    // The hung call timed out as unavailable (or was cut): due again within the 5 min backoff.
    const report = await recheckTaxIds(h.db, viesVerifier({ baseUrl: later.baseUrl }), { nowMs: NOW_MS + 5 * 60_000 });
    expect(report).toMatchObject({ checked: 1, unverified: 1 });
    const [flipped] = await h.db.select().from(customerTaxIds).where(eq(customerTaxIds.customerId, customer));
    expect(flipped).toMatchObject({ verificationStatus: 'unverified', nextCheckAt: null });

    // Future invoices are taxed: a German business without a valid VAT id pays German VAT under OSS,
    // 19 % of 2900 = 551; total 3451.
    expect(await preview({ customer, items: [{ price: h.catalog.monthly }] })).toMatchObject({ tax: 551, total: 3451, reverse_charge: false });
    // The invoices already issued keep their reverse charge.
    expect(await h.json<Json>('GET', `/v1/invoices/${String(first.done.invoice)}`)).toMatchObject({ tax: 0, reverse_charge: true });
  });
});
