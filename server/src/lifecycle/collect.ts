import { CoreError } from '@abona/core';
import { payInvoice, type PayInvoiceResult } from '../billing/pay.js';
import type { Executor } from '../db/client.js';
import { ApiError } from '../errors/index.js';
import { invoiceRepository } from '../resources/invoices/repository.js';
import type { LifecycleDeps, RunCache } from './context.js';
import { afterFailedCharge, refreshNextAction } from './dunning.js';
import { email } from './notify.js';
import { lifecycleRepository } from './repository.js';

export interface CollectOptions {
  livemode: boolean;
  nowMs: number;
  /** Renewals and retries: true (no customer present). */
  offSession: boolean;
  paymentMethod?: string | null;
}

/**
 * Charges an open subscription invoice outside any transaction ({@link payInvoice}: payment row,
 * gateway call keyed by the attempt, outcome), then books the consequences in one transaction:
 * a receipt when paid; the dunning schedule and a "payment failed" email when not; the
 * subscription's next action either way.
 */
export async function collectInvoice(deps: LifecycleDeps, cache: RunCache, invoiceId: string, options: CollectOptions): Promise<PayInvoiceResult | undefined> {
  const { livemode, nowMs } = options;
  let result: PayInvoiceResult | undefined;
  try {
    result = await payInvoice(deps.db, deps.gateways.of(livemode), {
      livemode,
      invoice: invoiceId,
      offSession: options.offSession,
      atMs: nowMs,
      ids: deps.ids,
      ...(options.paymentMethod ? { paymentMethod: options.paymentMethod } : {}),
    });
  } catch (error) {
    // The gateway refused the request itself (a detached method…): a failed attempt, not a crash.
    if (!(error instanceof CoreError) && !(error instanceof ApiError)) throw error;
  }
  await deps.db.transaction((tx) => bookCollection(tx, deps, cache, { livemode, invoiceId, result, nowMs }));
  return result;
}

/**
 * The consequences of a charge (or of a charge that could not be made: `result` undefined), in
 * the caller's transaction: a receipt when paid; the dunning schedule and a "payment failed"
 * email when not; the subscription's next action either way.
 */
export async function bookCollection(tx: Executor, deps: LifecycleDeps, cache: RunCache, input: { livemode: boolean; invoiceId: string; result: PayInvoiceResult | undefined; nowMs: number }): Promise<void> {
  const { livemode, invoiceId, result, nowMs } = input;
  const invoice = await invoiceRepository.find(tx, livemode, invoiceId);
  if (!invoice) return;
  const outcome = result?.outcome ?? 'failed';
  if (invoice.status === 'paid' && result?.payment) {
    const customer = await lifecycleRepository.customerOf(tx, livemode, invoice.customerId);
    await email(tx, deps, customer, 'receipt', { amountMinor: result.payment.amount, currency: invoice.currency, paidAtMs: nowMs, invoiceNumber: invoice.number }, `receipt:${result.payment.id}`, nowMs);
  } else if (invoice.status === 'open' && (outcome === 'failed' || outcome === 'no_payment_method')) {
    // payInvoice counted the attempt when the gateway answered; not when there was nothing to charge.
    const counted = result?.payment !== null && result?.payment !== undefined && result.payment.status === 'failed';
    await afterFailedCharge(tx, deps, cache, invoice.id, livemode, result?.payment ?? null, nowMs, !counted);
  } else if (invoice.status === 'open' && invoice.nextPaymentAttemptAt !== null && invoice.nextPaymentAttemptAt <= nowMs) {
    // Processing (a debit) or waiting for 3-D Secure: settlement or the customer decides, not a retry.
    await invoiceRepository.update(tx, livemode, invoice.id, { nextPaymentAttemptAt: null, updatedAt: nowMs });
  }
  if (invoice.subscriptionId) await refreshNextAction(tx, livemode, invoice.subscriptionId, nowMs);
}
