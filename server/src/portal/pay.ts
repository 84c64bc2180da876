import type { PortalInvoice, PortalInvoiceCompletePaymentParams, PortalInvoicePayParams } from '@abona/api';
import { CoreError } from '@abona/core';
import { asPaymentMethodError, CardDeclined } from '../billing/errors.js';
import type { BillingService } from '../billing/service.js';
import type { Db } from '../db/client.js';
import { InvalidRequest } from '../errors/index.js';
import { deriveIdempotencyKey } from '../gateway/idempotency.js';
import { refreshNextAction } from '../lifecycle/dunning.js';
import { email } from '../lifecycle/notify.js';
import { lifecycleRepository } from '../lifecycle/repository.js';
import type { LifecycleService } from '../lifecycle/service.js';
import type { InvoiceRow } from '../resources/invoices/repository.js';
import { paymentRepository, type PaymentRow } from '../resources/payments/repository.js';
import type { Clocks } from '../resources/test-clocks/clocks.js';
import type { CustomerScope } from './repository.js';
import { toPortalInvoice } from './serialize.js';
import type { PortalService } from './service.js';

export interface PortalPayDeps {
  db: Db;
  billing: BillingService;
  lifecycle: LifecycleService;
  clocks: Clocks;
  portal: PortalService;
}

/** The wire answer of "Pay now" and of its 3-D Secure completion. */
export interface PortalInvoicePaymentWire {
  object: 'invoice_payment';
  status: 'paid' | 'requires_action' | 'processing';
  invoice: PortalInvoice;
  next_action: { type: 'three_d_secure'; action_id: string; client_secret: string } | null;
}

/** The change-invoice marker of payment-first plan changes (`lifecycle/changes.ts`). */
const CHANGE_KEY = 'abona_change';

/**
 * "Pay now" in the portal: the customer pays one of their open invoices on-session, with a
 * method of theirs or their default. The invoice's own state makes it idempotent: a second
 * click finds the same attempt (same gateway key, so one charge) or the invoice already paid.
 * A paid invoice of a subscription in dunning brings it back to `active` and stops its retries
 * (`markInvoicePaid` does the transition, `refreshNextAction` drops the retry), as the dunning
 * recovery does. A decline is a 402 and changes nothing else: no dunning step, no email.
 */
export function portalPayService(deps: PortalPayDeps) {
  const { db, billing, clocks, portal } = deps;

  async function payable(scope: CustomerScope, id: string): Promise<InvoiceRow> {
    const { invoice } = await portal.invoice(scope, id);
    if (invoice.status !== 'open' && invoice.status !== 'paid') {
      throw new InvalidRequest(`Invoice ${id} is ${invoice.status}: there is nothing to pay`, 'id', 'invoice_not_payable');
    }
    if (invoice.metadata[CHANGE_KEY] !== undefined && invoice.status === 'open') {
      throw new InvalidRequest(`Invoice ${id} pays for a plan change: finish or retry the change instead`, 'id', 'invoice_not_payable');
    }
    return invoice;
  }

  async function answer(scope: CustomerScope, id: string, status: PortalInvoicePaymentWire['status'], nextAction: PortalInvoicePaymentWire['next_action'] = null): Promise<PortalInvoicePaymentWire> {
    const view = await portal.invoice(scope, id);
    return { object: 'invoice_payment', status, invoice: toPortalInvoice(view.invoice, view.lines), next_action: nextAction };
  }

  /** What follows a payment in the customer's presence: the receipt, and the subscription's next step without the retry. */
  async function afterPaid(invoice: InvoiceRow, payment: PaymentRow | null, atMs: number): Promise<void> {
    await db.transaction(async (tx) => {
      if (payment && payment.status === 'succeeded') {
        const customer = await lifecycleRepository.customerOf(tx, invoice.livemode, invoice.customerId);
        await email(tx, deps.lifecycle.deps, customer, 'receipt', { amountMinor: payment.amount, currency: invoice.currency, paidAtMs: atMs, invoiceNumber: invoice.number }, `receipt:${payment.id}`, atMs);
      }
      if (invoice.subscriptionId) await refreshNextAction(tx, invoice.livemode, invoice.subscriptionId, atMs);
    });
  }

  /** The invoice's latest attempt: a payment waiting for 3-D Secure counted it already. */
  const currentAttempt = (invoice: InvoiceRow) => paymentRepository.findByIdempotencyKey(db, invoice.livemode, deriveIdempotencyKey('invoice_payment', invoice.id, invoice.attemptCount));

  const declined = (payment: PaymentRow | null | undefined, fallback: string) =>
    new CardDeclined(payment?.failureMessage ?? 'The payment was declined; the invoice is still open', payment?.declineCode ?? fallback);

  return {
    /** Pays an open invoice on-session. @throws CardDeclined (402) when declined. */
    async pay(scope: CustomerScope, id: string, params: PortalInvoicePayParams): Promise<PortalInvoicePaymentWire> {
      const invoice = await payable(scope, id);
      if (invoice.status === 'paid') return answer(scope, id, 'paid');
      // A click while this invoice's challenge is still open gets that challenge, not a second charge.
      const waiting = await currentAttempt(invoice);
      if (waiting?.status === 'requires_action' && waiting.gatewayRef && (!params.payment_method || params.payment_method === waiting.paymentMethodId)) {
        const action = await billing.gateways.of(scope.livemode).retrievePayment(waiting.gatewayRef);
        if (action.status === 'requires_action') return answer(scope, id, 'requires_action', { type: 'three_d_secure', action_id: action.actionId, client_secret: action.clientSecret });
      }
      const atMs = (await clocks.clockFor(scope.customerId)).now();
      let result;
      try {
        result = await billing.payInvoice({ livemode: scope.livemode, invoice: id, paymentMethod: params.payment_method ?? null, offSession: false, atMs });
      } catch (error) {
        // The gateway refused the request itself (a method it no longer knows): the customer's input.
        if (error instanceof CoreError) throw asPaymentMethodError(error);
        throw error;
      }
      switch (result.outcome) {
        case 'paid':
        case 'already_paid':
          await afterPaid(result.invoice, result.payment, atMs);
          return answer(scope, id, 'paid');
        case 'processing':
          return answer(scope, id, 'processing');
        case 'requires_action': {
          let action = result.result;
          // A click that found the attempt already waiting: ask the gateway for its challenge again.
          if ((!action || action.status !== 'requires_action') && result.payment?.gatewayRef) {
            action = await billing.gateways.of(scope.livemode).retrievePayment(result.payment.gatewayRef);
          }
          if (!action || action.status !== 'requires_action') return answer(scope, id, 'processing');
          return answer(scope, id, 'requires_action', { type: 'three_d_secure', action_id: action.actionId, client_secret: action.clientSecret });
        }
        case 'no_payment_method':
          throw new InvalidRequest('There is no payment method to pay with: add a card first', 'payment_method', 'payment_method_missing');
        case 'failed':
          throw declined(result.payment, 'card_declined');
      }
    },

    /** Finishes the 3-D Secure challenge of a "Pay now". @throws CardDeclined (402, `authentication_failed`) when it failed. */
    async completePayment(scope: CustomerScope, id: string, params: PortalInvoiceCompletePaymentParams): Promise<PortalInvoicePaymentWire> {
      const invoice = await payable(scope, id);
      if (invoice.status === 'paid') return answer(scope, id, 'paid');
      const attempt = await currentAttempt(invoice);
      if (!attempt || attempt.status !== 'requires_action' || attempt.gatewayRef !== params.action_id) {
        throw new InvalidRequest('No payment of this invoice is waiting for this action', 'action_id', 'resource_missing');
      }
      const atMs = (await clocks.clockFor(scope.customerId)).now();
      const recorded = await billing.confirmInvoicePaymentAction({ livemode: scope.livemode, paymentId: attempt.id, outcome: params.outcome ?? 'complete', atMs });
      if (recorded.payment.status === 'succeeded') {
        await afterPaid(recorded.invoice ?? invoice, recorded.payment, atMs);
        return answer(scope, id, 'paid');
      }
      if (recorded.payment.status === 'failed') throw declined(recorded.payment, 'authentication_failed');
      return answer(scope, id, 'processing');
    },
  };
}
export type PortalPayService = ReturnType<typeof portalPayService>;
