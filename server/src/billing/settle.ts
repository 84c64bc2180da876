import type { Db } from '../db/client.js';
import type { IdGenerator } from '../ids/index.js';
import { paymentRepository } from '../resources/payments/repository.js';
import type { Gateways } from './gateways.js';
import { recordPaymentResult } from './pay.js';

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
    if (payment.gatewayRef === null) continue;
    const gateway = gateways.all().find((g) => g.name === payment.gateway && g.livemode === payment.livemode) ?? gateways.of(payment.livemode);
    const result = await gateway.retrievePayment(payment.gatewayRef);
    if (result.status !== 'succeeded' && result.status !== 'failed') continue;
    await db.transaction((tx) => recordPaymentResult(tx, { payment, result, atMs, ids }));
    (result.status === 'succeeded' ? succeeded : failed).push(payment.id);
  }
  return { succeeded, failed };
}

/** Runs `settle(atMs)` at every gateway (the sandbox moves processing payments on). */
export async function settleGateways(gateways: Gateways, atMs: number): Promise<void> {
  for (const gateway of gateways.all()) await gateway.settle(atMs);
}
