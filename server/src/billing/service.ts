import type { Clock } from '../clock/index.js';
import type { Db, Executor } from '../db/client.js';
import type { IdGenerator } from '../ids/index.js';
import type { CheckoutConfirmation } from '../resources/checkout-sessions/confirm.js';
import { finalizeInvoice, type FinalizedInvoice, type FinalizeInvoiceInput } from './finalize.js';
import type { Gateways } from './gateways.js';
import { confirmInvoicePaymentAction, payInvoice, type PayInvoiceInput, type PayInvoiceResult } from './pay.js';
import { settleGateways, settleInvoicePayments } from './settle.js';

export interface SettleReport {
  /** Checkout sessions completed / failed by settled transfers and debits. */
  checkoutSessionsCompleted: string[];
  checkoutSessionsFailed: string[];
  /** Invoice payments (`pay_…`) that settled. */
  paymentsSucceeded: string[];
  paymentsFailed: string[];
}

/**
 * The billing operations other features call (lifecycle renewals and dunning, test clocks), with
 * the app's ids, clock and gateways bound in.
 */
export function billingService(deps: { db: Db; gateways: Gateways; clock: Clock; ids: IdGenerator; checkout: CheckoutConfirmation }) {
  const { db, gateways, clock, ids, checkout } = deps;
  return {
    gateways,
    /** {@link finalizeInvoice} in the caller's transaction. */
    finalizeInvoice: (tx: Executor, input: Omit<FinalizeInvoiceInput, 'ids'>): Promise<FinalizedInvoice> => finalizeInvoice(tx, { ...input, ids }),
    /** {@link payInvoice} with the mode's gateway; never call it inside a transaction. */
    payInvoice: (input: Omit<PayInvoiceInput, 'ids' | 'atMs'> & { atMs?: number }): Promise<PayInvoiceResult> =>
      payInvoice(db, gateways.of(input.livemode), { ...input, atMs: input.atMs ?? clock.now(), ids }),
    /** {@link confirmInvoicePaymentAction}: a 3-D Secure challenge on an invoice payment finished. */
    confirmInvoicePaymentAction: (input: { livemode: boolean; paymentId: string; outcome: 'complete' | 'fail'; atMs?: number }) =>
      confirmInvoicePaymentAction(db, gateways.of(input.livemode), { ...input, atMs: input.atMs ?? clock.now(), ids }),
    /**
     * Settles what the gateways owe by `atMs` (bank transfers, SEPA debits): completes waiting
     * checkouts and marks invoice payments paid or failed. Safe to run often and concurrently
     * with itself: every step is idempotent.
     */
    async settlePending(atMs: number = clock.now()): Promise<SettleReport> {
      await settleGateways(gateways, atMs);
      const sessions = await checkout.settleSessions(atMs);
      const payments = await settleInvoicePayments(db, gateways, atMs, ids);
      return {
        checkoutSessionsCompleted: sessions.completed,
        checkoutSessionsFailed: sessions.failed,
        paymentsSucceeded: payments.succeeded,
        paymentsFailed: payments.failed,
      };
    },
  };
}
export type BillingService = ReturnType<typeof billingService>;
