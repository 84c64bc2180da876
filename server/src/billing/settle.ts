import type { Db } from '../db/client.js';
import type { IdGenerator } from '../ids/index.js';
import { paymentRepository } from '../resources/payments/repository.js';
import type { Gateways } from './gateways.js';
import { invoiceRepository } from '../resources/invoices/repository.js';
import { gatewayCustomerRef } from './gateways.js';
import { chargeInputFor, recordPaymentResult } from './pay.js';

/** An attempt still unrecorded after this long is taken to be from a stopped process. */
const STALE_ATTEMPT_MS = 60_000;

/**
 * Settles invoice payments that were processing (SEPA debits, bank transfers) once the gateway
 * reports them settled: each gets its outcome recorded in its own transaction. The gateway is
 * asked about every payment still processing, not only about what this call settled, so a crash
 * between the gateway and our write is repaired by the next run.
 */
export async function settleInvoicePayments(db: Db, gateways: Gateways, atMs: number, ids: IdGenerator): Promise<{ succeeded: string[]; failed: string[] }> {
  const succeeded: string[] = [];
  const failed: string[] = [];
  for (const payment of await paymentRepository.pending(db)) {
    const gateway = gateways.all().find((g) => g.name === payment.gateway && g.livemode === payment.livemode) ?? gateways.of(payment.livemode);
    let result;
    if (payment.gatewayRef !== null) {
      result = await gateway.retrievePayment(payment.gatewayRef);
    } else {
      // Created but never recorded: the process stopped around the gateway call. Sending the
      // same request again makes the gateway replay its answer (or charge, if it never did).
      if (payment.updatedAt + STALE_ATTEMPT_MS > atMs || payment.invoiceId === null || payment.paymentMethodId === null) continue;
      const invoice = await invoiceRepository.find(db, payment.livemode, payment.invoiceId);
      const method = await db.query.paymentMethods.findFirst({ where: (m, { eq }) => eq(m.id, payment.paymentMethodId ?? '') });
      if (!invoice || !method) continue;
      const customerRef = await gatewayCustomerRef(db, gateway, payment.livemode, payment.customerId);
      result = await gateway.charge(chargeInputFor(payment, invoice, method, customerRef));
    }
    // A recovered attempt is recorded whatever it says (its gateway reference at least).
    if (result.status !== 'succeeded' && result.status !== 'failed' && payment.gatewayRef !== null) continue;
    const settled = result;
    await db.transaction((tx) => recordPaymentResult(tx, { payment, result: settled, atMs, ids }));
    if (settled.status === 'succeeded') succeeded.push(payment.id);
    if (settled.status === 'failed') failed.push(payment.id);
  }
  return { succeeded, failed };
}

/** Runs `settle(atMs)` at every gateway (the sandbox moves processing payments on). */
export async function settleGateways(gateways: Gateways, atMs: number): Promise<void> {
  for (const gateway of gateways.all()) await gateway.settle(atMs);
}
