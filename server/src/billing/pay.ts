import { transition } from '@abona/core';
import type { Db, Executor } from '../db/client.js';
import { InvalidRequest } from '../errors/index.js';
import { recordEvent } from '../events/record.js';
import { deriveIdempotencyKey } from '../gateway/idempotency.js';
import type { ChargeInput, PaymentGateway, PaymentResult } from '../gateway/types.js';
import type { IdGenerator } from '../ids/index.js';
import { postJournal, type JournalInput } from '../ledger/post.js';
import { invoiceRepository, type InvoiceRow } from '../resources/invoices/repository.js';
import { toInvoice } from '../resources/invoices/serialize.js';
import { paymentMethodRepository, type PaymentMethodRow } from '../resources/payment-methods/repository.js';
import { paymentRepository, type PaymentRow } from '../resources/payments/repository.js';
import { toPayment } from '../resources/payments/serialize.js';
import { subscriptionRepository } from '../resources/subscriptions/repository.js';
import { toSubscription } from '../resources/subscriptions/serialize.js';
import { loadCoreSubscription, pricesOf, rowFieldsFromCore } from '../resources/subscriptions/state.js';
import { gatewayCustomerRef } from './gateways.js';
import { findCustomer } from './repository.js';

/** Subscription statuses a paid invoice brings back to `active`. */
export const ACTIVATED_BY_PAYMENT: ReadonlySet<string> = new Set(['incomplete', 'past_due', 'unpaid']);

/**
 * Marks an open invoice paid by a succeeded payment, in the caller's transaction: ledger (debit
 * cash, credit receivable), `invoice.paid` and `payment.succeeded` events, and the invoice's
 * subscription back to `active` when it was incomplete or in dunning. Idempotent: an invoice
 * already paid is returned unchanged.
 */
export async function markInvoicePaid(
  tx: Executor,
  input: { invoice: InvoiceRow; payment: PaymentRow; atMs: number; ids: IdGenerator; attempt?: number },
): Promise<InvoiceRow> {
  const { payment, atMs, ids } = input;
  const livemode = input.invoice.livemode;
  const current = (await invoiceRepository.find(tx, livemode, input.invoice.id)) ?? input.invoice;
  if (current.status === 'paid') return current;
  const paid = (await invoiceRepository.update(tx, livemode, current.id, paidInvoicePatch(current, payment, atMs, input.attempt))) ?? current;
  await postJournal(tx, paymentJournal(payment, atMs));
  const lines = (await invoiceRepository.linesOf(tx, [paid.id])).get(paid.id) ?? [];
  await recordEvent(tx, { livemode, type: 'invoice.paid', data: toInvoice(paid, lines), dedupeKey: `invoice.paid:${paid.id}`, atMs, id: ids.next('evt') });
  await recordEvent(tx, { livemode, type: 'payment.succeeded', data: toPayment(payment), dedupeKey: `payment.succeeded:${payment.id}`, atMs, id: ids.next('evt') });
  if (paid.subscriptionId !== null) await activateSubscription(tx, livemode, paid.subscriptionId, paid.id, atMs, ids);
  return paid;
}

/** What a succeeded payment changes on its invoice: paid in full, no retry, one more version. */
export function paidInvoicePatch(current: InvoiceRow, payment: PaymentRow, atMs: number, attempt?: number): Partial<InvoiceRow> {
  return {
    status: 'paid',
    amountPaid: current.amountPaid + payment.amount,
    amountRemaining: 0,
    paidAt: atMs,
    nextPaymentAttemptAt: null,
    attemptCount: Math.max(current.attemptCount, attempt ?? current.attemptCount + 1),
    updatedAt: atMs,
    version: current.version + 1,
  };
}

/** The journal of a succeeded payment: cash in, the receivable settled. */
export function paymentJournal(payment: PaymentRow, atMs: number): JournalInput {
  return {
    livemode: payment.livemode,
    entryKeyPrefix: `payment.succeeded:${payment.id}`,
    legs: [
      { account: 'cash', amount: payment.amount, currency: payment.currency, customerId: payment.customerId },
      { account: 'accounts_receivable', amount: -payment.amount, currency: payment.currency, customerId: payment.customerId },
    ],
    sourceType: 'payment',
    sourceId: payment.id,
    effectiveAtMs: atMs,
  };
}

async function activateSubscription(tx: Executor, livemode: boolean, subscriptionId: string, invoiceId: string, atMs: number, ids: IdGenerator): Promise<void> {
  const row = await subscriptionRepository.find(tx, livemode, subscriptionId);
  if (!row || !ACTIVATED_BY_PAYMENT.has(row.status)) return;
  const next = transition(await loadCoreSubscription(tx, row), 'payment_succeeded', atMs);
  const updated = await subscriptionRepository.update(tx, livemode, row.id, row.version, { ...rowFieldsFromCore(next), updatedAt: atMs });
  if (!updated) return;
  const prices = await pricesOf(tx, livemode, [updated]);
  await recordEvent(tx, {
    livemode,
    type: 'customer.subscription.updated',
    data: toSubscription(updated, prices),
    dedupeKey: `customer.subscription.updated:${row.id}:paid:${invoiceId}`,
    atMs,
    id: ids.next('evt'),
  });
}

/**
 * Records what the gateway said about a payment, in the caller's transaction. Idempotent: a
 * payment already succeeded or failed is left as it is.
 * - succeeded: payment succeeded and its invoice paid ({@link markInvoicePaid});
 * - requires_action: the payment waits for 3-D Secure (`gatewayRef` is the action id);
 * - processing: waits for settlement ({@link settlePending});
 * - failed: decline code kept, the invoice stays open with one more attempt counted, events
 *   `invoice.payment_failed` and `payment.failed`.
 */
export async function recordPaymentResult(
  tx: Executor,
  input: { payment: PaymentRow; result: PaymentResult; atMs: number; ids: IdGenerator; attempt?: number },
): Promise<{ payment: PaymentRow; invoice: InvoiceRow | undefined }> {
  const { result, atMs, ids } = input;
  const livemode = input.payment.livemode;
  const current = (await paymentRepository.find(tx, livemode, input.payment.id)) ?? input.payment;
  const invoice = current.invoiceId === null ? undefined : await invoiceRepository.find(tx, livemode, current.invoiceId);
  if (current.status === 'succeeded' || current.status === 'failed' || current.status === 'canceled') return { payment: current, invoice };
  const base = { gatewayRef: result.paymentId, updatedAt: atMs };
  switch (result.status) {
    case 'succeeded': {
      const payment = (await paymentRepository.update(tx, livemode, current.id, { ...base, status: 'succeeded' })) ?? current;
      const paid = invoice ? await markInvoicePaid(tx, { invoice, payment, atMs, ids, ...(input.attempt !== undefined ? { attempt: input.attempt } : {}) }) : undefined;
      if (!invoice) {
        await recordEvent(tx, { livemode, type: 'payment.succeeded', data: toPayment(payment), dedupeKey: `payment.succeeded:${payment.id}`, atMs, id: ids.next('evt') });
      }
      return { payment, invoice: paid };
    }
    case 'requires_action':
    case 'processing': {
      const payment = (await paymentRepository.update(tx, livemode, current.id, { ...base, status: result.status })) ?? current;
      if (result.status === 'requires_action' && invoice && invoice.status === 'open') {
        // The attempt is counted, so a later charge (another method, off-session) uses a new key;
        // a processing debit is not: charging again while it settles could take the money twice.
        await invoiceRepository.update(tx, livemode, invoice.id, {
          attemptCount: Math.max(invoice.attemptCount, input.attempt ?? invoice.attemptCount + 1),
          updatedAt: atMs,
          version: invoice.version + 1,
        });
        const lines = (await invoiceRepository.linesOf(tx, [invoice.id])).get(invoice.id) ?? [];
        await recordEvent(tx, {
          livemode,
          type: 'invoice.payment_action_required',
          data: toInvoice(invoice, lines),
          dedupeKey: `invoice.payment_action_required:${payment.id}`,
          atMs,
          id: ids.next('evt'),
        });
      }
      return { payment, invoice };
    }
    case 'failed': {
      const payment =
        (await paymentRepository.update(tx, livemode, current.id, {
          ...base,
          status: 'failed',
          declineCode: result.declineCode,
          failureMessage: result.message,
          hardDecline: result.hard,
        })) ?? current;
      let updated = invoice;
      if (invoice && invoice.status === 'open') {
        updated =
          (await invoiceRepository.update(tx, livemode, invoice.id, {
            attemptCount: Math.max(invoice.attemptCount, input.attempt ?? invoice.attemptCount + 1),
            updatedAt: atMs,
            version: invoice.version + 1,
          })) ?? invoice;
        const lines = (await invoiceRepository.linesOf(tx, [updated.id])).get(updated.id) ?? [];
        await recordEvent(tx, { livemode, type: 'invoice.payment_failed', data: toInvoice(updated, lines), dedupeKey: `invoice.payment_failed:${payment.id}`, atMs, id: ids.next('evt') });
      }
      await recordEvent(tx, { livemode, type: 'payment.failed', data: toPayment(payment), dedupeKey: `payment.failed:${payment.id}`, atMs, id: ids.next('evt') });
      return { payment, invoice: updated };
    }
  }
}

export interface PayInvoiceInput {
  livemode: boolean;
  /** The invoice or its id; it is re-read, so a stale row is fine. */
  invoice: InvoiceRow | string;
  /**
   * Our `pm_…` (row or id). Default: the subscription's default method, then the customer's
   * default, then the customer's newest.
   */
  paymentMethod?: PaymentMethodRow | string | null;
  /** True for renewals and retries (no customer present: 3-D Secure cards fail instead). */
  offSession: boolean;
  atMs: number;
  ids: IdGenerator;
}

export type PayInvoiceOutcome = 'paid' | 'already_paid' | 'requires_action' | 'processing' | 'failed' | 'no_payment_method';

export interface PayInvoiceResult {
  outcome: PayInvoiceOutcome;
  invoice: InvoiceRow;
  payment: PaymentRow | null;
  /** The gateway's answer, when it was asked. */
  result?: PaymentResult;
}

async function choosePaymentMethod(tx: Executor, invoice: InvoiceRow, wanted: PayInvoiceInput['paymentMethod']): Promise<PaymentMethodRow | undefined> {
  const livemode = invoice.livemode;
  const byId = async (id: string | null | undefined) => {
    if (!id) return undefined;
    const row = await paymentMethodRepository.find(tx, livemode, id);
    return row && row.customerId === invoice.customerId ? row : undefined;
  };
  if (wanted) {
    const row = await byId(typeof wanted === 'string' ? wanted : wanted.id);
    if (!row) throw new InvalidRequest(`No such payment method for customer ${invoice.customerId}: '${typeof wanted === 'string' ? wanted : wanted.id}'`, 'payment_method', 'resource_missing');
    return row;
  }
  if (invoice.subscriptionId !== null) {
    const sub = await subscriptionRepository.find(tx, livemode, invoice.subscriptionId);
    const row = await byId(sub?.defaultPaymentMethodId);
    if (row) return row;
  }
  const customer = await findCustomer(tx, livemode, invoice.customerId);
  const row = await byId(customer?.defaultPaymentMethodId);
  if (row) return row;
  return (await paymentMethodRepository.listForCustomer(tx, livemode, invoice.customerId))[0];
}

/**
 * Charges an open invoice. Three steps, so no transaction stays open while the gateway works:
 * (a) a transaction creates the payment row (`processing`, keyed by
 * `deriveIdempotencyKey('invoice_payment', invoiceId, attempt)`), (b) the gateway charges with
 * that key, (c) a transaction records the outcome ({@link recordPaymentResult}). A crash
 * between steps is repaired by running it again: the same attempt has the same key, and the
 * gateway replays its answer instead of charging twice.
 *
 * Lifecycle code (renewals, dunning retries) calls this with `offSession: true`.
 */
export async function payInvoice(db: Db, gateway: PaymentGateway, input: PayInvoiceInput): Promise<PayInvoiceResult> {
  const { livemode, atMs, ids } = input;
  const invoiceId = typeof input.invoice === 'string' ? input.invoice : input.invoice.id;
  const first = await invoiceRepository.find(db, livemode, invoiceId);
  if (!first) throw new InvalidRequest(`No such invoice: '${invoiceId}'`, 'invoice', 'resource_missing');
  // Before any transaction: creating the gateway customer may call the gateway.
  const customerRef = await gatewayCustomerRef(db, gateway, livemode, first.customerId);

  const started = await db.transaction(async (tx) => {
    const invoice = await invoiceRepository.find(tx, livemode, invoiceId);
    if (!invoice) throw new InvalidRequest(`No such invoice: '${invoiceId}'`, 'invoice', 'resource_missing');
    if (invoice.status !== 'open') return { done: 'already_paid' as const, invoice };
    const chosen = await choosePaymentMethod(tx, invoice, input.paymentMethod);
    if (!chosen) return { done: 'no_payment_method' as const, invoice };
    const attempt = invoice.attemptCount + 1;
    const idempotencyKey = deriveIdempotencyKey('invoice_payment', invoice.id, attempt);
    let payment = await paymentRepository.findByIdempotencyKey(tx, livemode, idempotencyKey);
    // An attempt already started (a double click, a retry after a crash) is replayed exactly as
    // it began, with its own method: the same key with another card would be refused by the
    // gateway, and the first charge may well have gone through.
    const method = (payment?.paymentMethodId ? await paymentMethodRepository.find(tx, livemode, payment.paymentMethodId) : undefined) ?? chosen;
    if (!payment) {
      payment = {
        id: ids.next('pay'),
        livemode,
        createdAt: atMs,
        updatedAt: atMs,
        customerId: invoice.customerId,
        invoiceId: invoice.id,
        checkoutSessionId: null,
        amount: invoice.amountRemaining,
        currency: invoice.currency,
        status: 'processing',
        paymentMethodId: method.id,
        gateway: gateway.name,
        gatewayRef: null,
        idempotencyKey,
        offSession: input.offSession,
        declineCode: null,
        failureMessage: null,
        hardDecline: null,
        amountRefunded: 0,
        metadata: {},
      };
      await paymentRepository.insert(tx, payment);
    }
    return { done: null, invoice, method, payment, attempt };
  });
  if (started.done !== null) return { outcome: started.done, invoice: started.invoice, payment: null };
  const { payment, method, attempt } = started;
  if (payment.status !== 'processing' || payment.gatewayRef !== null) {
    // This attempt already reached the gateway and was recorded: report it, never charge again.
    const invoice = (await invoiceRepository.find(db, livemode, invoiceId)) ?? started.invoice;
    return { outcome: outcomeOf(payment.status), invoice, payment };
  }

  let result: PaymentResult;
  try {
    result = await gateway.charge(chargeInputFor(payment, started.invoice, method, customerRef));
  } catch (error) {
    // The gateway refused the request itself (not a decline): close the attempt so a retry uses a new key.
    await db.transaction((tx) =>
      paymentRepository.update(tx, livemode, payment.id, { status: 'failed', declineCode: 'processing_error', failureMessage: error instanceof Error ? error.message : String(error), updatedAt: atMs }),
    );
    throw error;
  }
  const recorded = await db.transaction((tx) => recordPaymentResult(tx, { payment, result, atMs, ids, attempt }));
  return {
    outcome: outcomeOf(recorded.payment.status),
    invoice: recorded.invoice ?? started.invoice,
    payment: recorded.payment,
    result,
  };
}

/**
 * The gateway request of an invoice payment. Built from stored rows only, so a retry after a
 * crash sends exactly the same request (the gateway checks key and parameters together).
 */
export function chargeInputFor(payment: PaymentRow, invoice: InvoiceRow, method: PaymentMethodRow, customerRef: string): ChargeInput {
  return {
    amountMinor: payment.amount,
    currency: payment.currency,
    paymentMethodId: method.gatewayRef,
    customerRef,
    offSession: payment.offSession,
    idempotencyKey: payment.idempotencyKey,
    description: `Invoice ${invoice.number ?? invoice.id}`,
    metadata: { abona_invoice_id: invoice.id, abona_payment_id: payment.id },
  };
}

/**
 * Finishes a 3-D Secure challenge on an invoice payment (`requires_action`, e.g. a customer
 * back in the portal) and records the outcome: paid, or failed with `authentication_failed`.
 * Call it outside any transaction.
 */
export async function confirmInvoicePaymentAction(
  db: Db,
  gateway: PaymentGateway,
  input: { livemode: boolean; paymentId: string; outcome: 'complete' | 'fail'; atMs: number; ids: IdGenerator },
): Promise<{ payment: PaymentRow; invoice: InvoiceRow | undefined }> {
  const payment = await paymentRepository.find(db, input.livemode, input.paymentId);
  if (!payment) throw new InvalidRequest(`No such payment: '${input.paymentId}'`, 'payment', 'resource_missing');
  if (payment.status !== 'requires_action' || payment.gatewayRef === null) {
    throw new InvalidRequest(`Payment ${payment.id} is ${payment.status}; no action is waiting`, 'payment', 'payment_unexpected_state');
  }
  const answer = await gateway.confirmAction(payment.gatewayRef, input.outcome);
  if (answer.object !== 'payment') throw new InvalidRequest(`${payment.gatewayRef} is not a payment`, 'payment', 'payment_unexpected_state');
  const result = answer.result;
  return db.transaction(async (tx) => {
    if (result.status === 'succeeded' && payment.paymentMethodId !== null) {
      // The customer authenticated this card: renewals may now charge it off-session.
      await paymentMethodRepository.setOffSessionReady(tx, input.livemode, payment.paymentMethodId);
    }
    return recordPaymentResult(tx, { payment, result, atMs: input.atMs, ids: input.ids });
  });
}

export function outcomeOf(status: PaymentRow['status']): PayInvoiceOutcome {
  switch (status) {
    case 'succeeded':
      return 'paid';
    case 'requires_action':
      return 'requires_action';
    case 'processing':
      return 'processing';
    default:
      return 'failed';
  }
}
