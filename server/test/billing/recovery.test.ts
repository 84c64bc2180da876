import { buildInvoice, createBuiltInTaxCalculator } from '@abona/core';
import { describe, expect, it } from 'vitest';
import { finalizeInvoice } from '../../src/billing/finalize.js';
import { findCustomer } from '../../src/billing/repository.js';
import { defaultSeller } from '../../src/billing/seller.js';
import { createDbSandboxStore } from '../../src/gateway/db-store.js';
import { createSandboxGateway } from '../../src/gateway/sandbox.js';
import type { PaymentGateway } from '../../src/gateway/types.js';
import { createServices } from '../../src/services.js';
import { expectLedgerBalanced, NOW_MS, setupBilling, type Json } from '../checkout/helpers.js';

const roTax = createBuiltInTaxCalculator({ seller: defaultSeller.tax, customer: { country: 'RO', business: false } });

async function openInvoice(h: Awaited<ReturnType<typeof setupBilling>>, token: string) {
  const customer = await h.json<Json>('POST', '/v1/customers', { body: { address: { country: 'RO' } } });
  await h.json('POST', `/v1/customers/${customer.id}/payment_methods`, { body: { token } });
  const row = await findCustomer(h.db, false, customer.id);
  if (!row) throw new Error('customer missing');
  const invoice = buildInvoice({ currency: 'EUR', atMs: NOW_MS, lines: [{ kind: 'one_time', description: 'Setup', amount: 1000, quantity: 1, taxBehavior: 'exclusive' }] }, roTax);
  return (await h.db.transaction((tx) => finalizeInvoice(tx, { livemode: false, customer: row, billingReason: 'manual', invoice, atMs: NOW_MS, seller: defaultSeller, ids: h.ids }))).invoice;
}

describe('invoice payments: 3-D Secure and crash recovery', () => {
  it('an on-session 3-D Secure payment completes through confirmInvoicePaymentAction', async () => {
    const h = await setupBilling();
    const invoice = await openInvoice(h, 'tok_threeDSecureRequired');
    const services = createServices({ db: h.db, clock: h.clock, ids: h.ids });
    const started = await services.billing.payInvoice({ livemode: false, invoice: invoice.id, offSession: false });
    expect(started.outcome).toBe('requires_action');
    const done = await services.billing.confirmInvoicePaymentAction({ livemode: false, paymentId: started.payment?.id ?? '', outcome: 'complete' });
    expect(done.payment.status).toBe('succeeded');
    expect(done.invoice?.status).toBe('paid');
    expect((await h.db.query.paymentMethods.findMany())[0]?.offSessionReady).toBe(true);
    await expectLedgerBalanced(h);
    h.close();
  });

  it('a charge whose process stopped before recording is recovered by settlePending without charging twice', async () => {
    const h = await setupBilling();
    const invoice = await openInvoice(h, 'tok_visa');
    const sandbox = createSandboxGateway({ store: createDbSandboxStore(h.db), clock: h.clock, ids: h.ids });
    // The gateway charges, then the process "dies": the answer never comes back.
    const dying: PaymentGateway = { ...sandbox, charge: async (input) => { await sandbox.charge(input); return new Promise(() => undefined); } };
    const crashed = createServices({ db: h.db, clock: h.clock, ids: h.ids, gateway: dying });
    void crashed.billing.payInvoice({ livemode: false, invoice: invoice.id, offSession: true });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await h.db.query.payments.findMany()).map((p) => [p.status, p.gatewayRef])).toEqual([['processing', null]]);

    const restarted = createServices({ db: h.db, clock: h.clock, ids: h.ids });
    // Too early: the attempt may still be running.
    expect((await restarted.billing.settlePending(NOW_MS)).paymentsSucceeded).toEqual([]);
    h.clock.advance(61_000);
    const report = await restarted.billing.settlePending(h.clock.now());
    expect(report.paymentsSucceeded).toHaveLength(1);
    expect((await h.json<Json>('GET', `/v1/invoices/${invoice.id}`)).status).toBe('paid');
    const gatewayPayments = (await h.db.query.gatewayRecords.findMany()).filter((r) => r.tableName === 'payments');
    expect(gatewayPayments).toHaveLength(1);
    await expectLedgerBalanced(h);
    h.close();
  });
});
